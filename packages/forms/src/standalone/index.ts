// the validator that compiles in the page, which the precompiled one must agree with (the runtime's tests compare them)
export { formValidator } from '../validator'
export { formValidatorsModule, RUNTIME_HELPERS } from './compile'
export { type FormValidators, type FormValidatorsFactory, loadFormValidators, precompiledFormValidators } from './load'
export { type FormValidatorsRuntime, formValidatorsRuntime } from './runtime'
