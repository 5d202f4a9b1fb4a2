// The command needs the database and the whole runtime (seed, registry, units): it lives there, bundled in here.
export { reorganiseCommand, reorganiseHelp } from '@motcua/runtime/reorganise'
