import type { TurnContext } from 'botbuilder';
import type { DialogContext, DialogSet, DialogState } from 'botbuilder-dialogs';
// Not exported by botbuilder-dialogs' index: this is the CommonJS module whose exports object DialogStateManager
// reads `DialogsComponentRegistration` from on every construction.
import registrationModule = require('botbuilder-dialogs/lib/dialogsComponentRegistration');

/** The turnState key under which DialogStateManager caches its configuration for the rest of a turn. */
const CONFIGURATION_KEY = 'DialogStateManagerConfiguration';

type Registration = InstanceType<typeof registrationModule.DialogsComponentRegistration>;
type RegistrationClass = typeof registrationModule.DialogsComponentRegistration;

let sharedConfiguration: unknown;

/**
 * `dialogSet.createContext(context)` without two per-turn wastes of botbuilder-dialogs 4.23.3 (the final release, so
 * they will not be fixed upstream):
 *
 * 1. Every DialogStateManager, one per DialogContext (a turn makes five to ten: the dialog set's, each component's
 *    child, each waterfall step's), constructs a new DialogsComponentRegistration, and each of those builds a
 *    dependency-injection ServiceCollection. The registration is identical every time, so one instance is shared.
 * 2. The first DialogStateManager of each turn rebuilds its configuration (nine memory scopes, five path
 *    resolvers) and caches it in turnState for that turn only. The scopes and resolvers hold no per-turn data
 *    (they read everything from the DialogContext they are given), so the configuration the SDK built on the first
 *    turn is handed to every later turn.
 */
export async function createDialogContext(dialogSet: DialogSet, context: TurnContext): Promise<DialogContext> {
  shareRegistration();
  if (sharedConfiguration) context.turnState.set(CONFIGURATION_KEY, sharedConfiguration);
  const dc = await dialogSet.createContext(context);
  sharedConfiguration ??= context.turnState.get(CONFIGURATION_KEY);
  return dc;
}

let shared = false;
function shareRegistration(): void {
  if (shared) return;
  shared = true;
  const Original: RegistrationClass = registrationModule.DialogsComponentRegistration;
  let instance: Registration | undefined;
  // A constructor that returns an object makes `new` yield that object: every `new DialogsComponentRegistration()`
  // inside the SDK now returns the one instance (its constructor, and so its name for ComponentRegistration.add, is
  // still the original class).
  function SharedDialogsComponentRegistration(): Registration {
    return (instance ??= new Original());
  }
  SharedDialogsComponentRegistration.prototype = Original.prototype;
  (registrationModule as { DialogsComponentRegistration: unknown }).DialogsComponentRegistration = SharedDialogsComponentRegistration;
}

/**
 * The id of the innermost active dialog in saved dialog state, read without building DialogContexts (component
 * dialogs keep their inner stack in their instance state under `dialogs`; the active dialog is last on a stack).
 */
export function innermostDialogId(state: DialogState | undefined): string | undefined {
  let id: string | undefined;
  for (let stack = state?.dialogStack; stack?.length; ) {
    const active = stack[stack.length - 1];
    id = active.id;
    stack = (active.state as { dialogs?: DialogState } | undefined)?.dialogs?.dialogStack;
  }
  return id;
}
