/** The names of the usual levels; other levels (data, not a fixed list) show their code. */
export const LEVELS: Record<string, 'level.province' | 'level.district' | 'level.commune'> = {
  province: 'level.province',
  district: 'level.district',
  commune: 'level.commune',
}
