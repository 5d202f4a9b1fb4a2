// The procedures the home page puts first (thủ tục được quan tâm): a choice of the portal's editors, by national
// code; those not published are skipped. The API has no usage counts to rank by yet.
export const FEATURED_PROCEDURES = ['1.001193', '1.000894', '2.000815', '2.000635', '1.000656', 'QN-LLTP-01']
