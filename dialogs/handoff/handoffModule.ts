import type { DialogModule } from '../dialogModule';
import { HANDOFF_DIALOG, HandoffDialog, type HandoffDialogDeps } from './handoffDialog';

/** Talking to a person: the `human_agent` route (also reached from any step by the interruption). */
export function handoffDialogModule(deps: HandoffDialogDeps): DialogModule {
  return { dialogs: [new HandoffDialog(deps)], routes: { human_agent: { dialog: HANDOFF_DIALOG } } };
}
