/**
 * Quảng Ninh's own figures for the first half of 2019, from the province's report on its public service portal and
 * electronic one-stop shop (the project's seed document; summarised in the design notes' "The setting"): 44,800
 * dossiers filed online, 31 % of those received; by level, the province's departments 55 %, the districts 30 %, the
 * communes 25 %. The dashboard shows them beside today's shares for comparison.
 */
export const ONLINE_2019_H1 = {
  online: 44_800,
  share: 0.31,
  byLevel: { department: 0.55, district: 0.3, commune: 0.25 } as Record<string, number>,
}
