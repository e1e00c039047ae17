import { HighlightStyle } from '@codemirror/language';
import { EditorView } from '@codemirror/view';
import { tags } from '@lezer/highlight';

/** JSON's parts in the chart colours, which have a light and a dark shade each. */
export const jsonHighlight = HighlightStyle.define([
  { tag: tags.propertyName, color: 'var(--chart-1)' },
  { tag: tags.string, color: 'var(--chart-2)' },
  { tag: tags.number, color: 'var(--chart-3)' },
  { tag: [tags.bool, tags.null], color: 'var(--chart-4)', fontWeight: '600' },
  { tag: [tags.brace, tags.squareBracket, tags.separator, tags.punctuation], color: 'var(--text-3)' },
]);

/** The editor in the app's colours (CSS variables, so it follows light and dark) and its code font. */
export const editorTheme = EditorView.theme({
  '&': {
    minHeight: '460px',
    maxHeight: '70vh',
    border: '1px solid var(--border-strong)',
    borderRadius: 'var(--radius-sm)',
    background: 'var(--surface)',
    color: 'var(--text)',
    fontSize: '12.5px',
  },
  '&.cm-focused': {
    outline: '2px solid color-mix(in srgb, var(--focus) 30%, transparent)',
    borderColor: 'var(--focus)',
  },
  '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.55', overflow: 'auto' },
  '.cm-content': { caretColor: 'var(--text)' },
  '.cm-cursor': { borderLeftColor: 'var(--text)' },
  '.cm-gutters': { background: 'var(--surface-2)', color: 'var(--text-3)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine': { background: 'color-mix(in srgb, var(--accent-weak) 40%, transparent)' },
  '.cm-activeLineGutter': { background: 'var(--accent-weak)', color: 'var(--text)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { background: 'color-mix(in srgb, var(--accent) 28%, transparent)' },
  '.cm-tooltip': { border: '1px solid var(--border-strong)', background: 'var(--surface)', color: 'var(--text)' },
  '.cm-tooltip-autocomplete > ul > li[aria-selected]': { background: 'var(--accent)', color: 'var(--accent-text)' },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--danger)' },
  '.cm-lintRange-error': { backgroundImage: 'none', textDecoration: 'underline wavy var(--danger)', textUnderlineOffset: '3px' },
  '.cm-matchingBracket': { background: 'var(--accent-weak)', outline: 'none' },
});
