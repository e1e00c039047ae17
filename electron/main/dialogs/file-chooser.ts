/** A group of file types in a dialog's type menu. */
export interface FileFilter {
  name: string;
  extensions: string[];
}

/** The native Open and Save dialogs; each resolves to the chosen path, or null when the user cancels. */
export interface FileChooser {
  chooseFileToOpen(options: { title: string; filters: FileFilter[] }): Promise<string | null>;
  chooseFileToSave(options: { title: string; defaultFileName: string; filters: FileFilter[] }): Promise<string | null>;
}
