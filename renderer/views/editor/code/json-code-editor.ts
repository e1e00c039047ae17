import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { bracketMatching, foldGutter, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { linter, lintGutter, forceLinting } from '@codemirror/lint';
import { Compartment, EditorState } from '@codemirror/state';
import { EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';
import { scenarioJsonSchema } from '../../../../shared/scenario';
import type { Problem } from '../../../../shared/validation/format-issues';
import { problemDiagnostics } from './problem-diagnostics';
import { schemaCompletion } from './schema-completion';
import { editorTheme, jsonHighlight } from './editor-theme';

/** What the editor needs from the page: the text, its problems, the last parsed draft, and where edits go. */
export interface JsonCodeEditorOptions {
  /** The element the editor lives in, in a shadow root of its own (see `createJsonCodeEditor`). */
  host: HTMLElement;
  text: string;
  /** The accessible name of the text box. */
  label: string;
  problems: () => readonly Problem[];
  draft: () => unknown;
  onChange: (text: string) => void;
}

/** The editor once created: the page pushes text changed elsewhere (the form) and new problems into it. */
export interface JsonCodeEditor {
  setText(text: string): void;
  problemsChanged(): void;
  focus(): void;
  destroy(): void;
}

const DESCRIPTION_ID = 'json-editor-problems';

/**
 * The scenario's JSON in CodeMirror 6: highlighting, line numbers, folding, bracket matching, the problems
 * marked at their place in the text (and in the gutter), and completion of field names and allowed values
 * from the scenario's JSON Schema. Loaded only when the JSON tab opens.
 *
 * It lives in a shadow root: CodeMirror styles itself at run time, and in a shadow root it does so with
 * constructed style sheets, which the app's strict Content-Security-Policy (no inline styles) allows. The
 * problems are described to screen readers from inside that root, where `aria-describedby` can reach.
 */
export function createJsonCodeEditor(options: JsonCodeEditorOptions): JsonCodeEditor {
  const schema = scenarioJsonSchema();
  const root = options.host.shadowRoot ?? options.host.attachShadow({ mode: 'open' });
  const parent = document.createElement('div');
  const description = document.createElement('div');
  description.id = DESCRIPTION_ID;
  description.hidden = true;
  root.replaceChildren(parent, description);
  const describe = () => (description.textContent = options.problems().map((p) => `${p.path}: ${p.message}`).join('\n'));
  describe();

  const attributes = new Compartment();
  const attributesFor = (invalid: boolean) =>
    EditorView.contentAttributes.of({
      'aria-label': options.label,
      'aria-multiline': 'true',
      'aria-invalid': String(invalid),
      ...(invalid ? { 'aria-describedby': DESCRIPTION_ID } : {}),
    });
  let applyingOutside = false;
  const view = new EditorView({
    parent,
    root,
    state: EditorState.create({
      doc: options.text,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        foldGutter(),
        lintGutter(),
        history(),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        highlightActiveLine(),
        syntaxHighlighting(jsonHighlight),
        json(),
        // The editor column is narrow: long lines (descriptions, SQL) wrap rather than scroll sideways.
        EditorView.lineWrapping,
        linter((v) => problemDiagnostics(v.state, options.problems(), schema, options.draft()), { delay: 150 }),
        autocompletion({ override: [schemaCompletion(schema, options.draft)], activateOnTyping: true }),
        // Tab is left to move the focus on (no keyboard trap); new lines are indented by themselves.
        keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...completionKeymap]),
        attributes.of(attributesFor(options.problems().length > 0)),
        EditorView.updateListener.of((update) => {
          if (update.docChanged && !applyingOutside) options.onChange(update.state.doc.toString());
        }),
        editorTheme,
      ],
    }),
  });

  return {
    setText(text) {
      const current = view.state.doc.toString();
      if (text === current) return;
      applyingOutside = true;
      try {
        view.dispatch({ changes: { from: 0, to: current.length, insert: text } });
      } finally {
        applyingOutside = false;
      }
    },
    problemsChanged() {
      describe();
      view.dispatch({ effects: attributes.reconfigure(attributesFor(options.problems().length > 0)) });
      forceLinting(view);
    },
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
