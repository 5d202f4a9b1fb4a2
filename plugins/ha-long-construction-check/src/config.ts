/* eslint-disable */
/**
 * Generated from src/config.schema.json by json-schema-to-typescript (titles left out, so types keep English names).
 * DO NOT MODIFY IT BY HAND. Instead, modify the source JSONSchema file,
 * and run json-schema-to-typescript to regenerate this file.
 */

/**
 * Height limits by zone, as the approved zoning plans and architecture rules set them: entered by the administrator.
 */
export interface Config {
  /**
   * A plot is in a zone when its address names one of the zone's wards and, if the zone lists map sheets, its map sheet is one of them. Where several zones hold, the strictest limits apply.
   *
   * @maxItems 200
   */
  zones: {
    /**
     * e.g. Vùng đệm Vịnh Hạ Long – phường Hồng Gai
     */
    name: string
    /**
     * Names as written in the plot's address, e.g. Hồng Gai, Bãi Cháy (compared without diacritics or case).
     *
     * @minItems 1
     * @maxItems 50
     */
    wards: string[]
    /**
     * Only these cadastral map sheets of the wards; all of them when absent.
     *
     * @maxItems 500
     */
    mapSheets?: string[]
    maxHeightM: number
    maxFloors: number
    /**
     * The decision or plan the limit comes from, shown to the officer, e.g. Quy hoạch phân khu … phê duyệt tại Quyết định số …
     */
    basis?: string
  }[]
  /**
   * The kinds of step action checked: forward (trình), approve (phê duyệt). Default: both.
   */
  checkAt?: ('forward' | 'approve')[]
}
