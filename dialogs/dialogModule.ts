import type { Dialog } from 'botbuilder-dialogs';
import type { RouteTable } from './routes';

/** What a task area contributes to the main dialog: its dialogs and the routes that start them. */
export interface DialogModule {
  dialogs: Dialog[];
  routes: RouteTable;
}
