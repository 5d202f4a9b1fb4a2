/** One stored setting of a plugin (a `plugin_settings` row) as the resolution reads it. */
export interface SettingLayer {
  unitId: string
  /** '' = every procedure of the unit. */
  procedureCode: string
  /** null: as the layers above have it. */
  enabled: boolean | null
  /** The top-level keys the row sets; a key set to null removes the value inherited from above. */
  config: Record<string, unknown>
}

/** Where a value in force was set: a unit, and '' for its all-procedures setting or the procedure's code. */
export interface SettingSource {
  unitId: string
  procedureCode: string
}

/** A plugin's setting in force for a unit and a procedure, each value with where it comes from. */
export interface ResolvedSetting {
  /** True only when the last layer that says on or off says on. */
  enabled: boolean
  /** The layer that said on or off last; null when none did (off). */
  enabledFrom: SettingSource | null
  config: Record<string, unknown>
  /** The layer that set each key of `config`. */
  configFrom: Record<string, SettingSource>
}

/**
 * The setting of one plugin in force for a unit and a procedure: from the top of the unit's lineage down to the
 * unit, each unit's all-procedures row then its row for `procedureCode` is laid over what is above. `enabled` is the
 * last one that is not null; `config` is overridden key by key (top-level keys only: an object value replaces the
 * one above whole), and a key set to null removes the inherited value (the schema's default or nothing applies).
 * `procedureCode` '' resolves the all-procedures rows only.
 * @example resolveSetting(rows, ['province', 'district', 'ward'], '1.000656').enabled
 */
export function resolveSetting(
  layers: readonly SettingLayer[],
  lineageTopDown: readonly string[],
  procedureCode: string,
): ResolvedSetting {
  const resolved: ResolvedSetting = { enabled: false, enabledFrom: null, config: {}, configFrom: {} }
  const codes = procedureCode === '' ? [''] : ['', procedureCode]
  for (const unitId of lineageTopDown)
    for (const code of codes) {
      const layer = layers.find((l) => l.unitId === unitId && l.procedureCode === code)
      if (!layer) continue
      const source = { unitId, procedureCode: code }
      if (layer.enabled !== null) {
        resolved.enabled = layer.enabled
        resolved.enabledFrom = source
      }
      for (const [key, value] of Object.entries(layer.config)) {
        if (value === null) {
          delete resolved.config[key]
          delete resolved.configFrom[key]
        } else {
          resolved.config[key] = value
          resolved.configFrom[key] = source
        }
      }
    }
  return resolved
}
