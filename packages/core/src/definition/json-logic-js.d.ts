// json-logic-js ships no types; only the parts core uses are declared.
declare module 'json-logic-js' {
  const jsonLogic: {
    apply(logic: unknown, data?: unknown): unknown
    truthy(value: unknown): boolean
    add_operation(name: string, code: (...args: never[]) => unknown): void
  }
  export default jsonLogic
}
