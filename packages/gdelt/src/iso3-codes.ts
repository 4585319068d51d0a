// ISO 3166-1 alpha-3 codes (the 249 officially assigned codes, ISO 3166 Maintenance Agency)
// plus XKX, the user-assigned code for Kosovo that the EU, IMF and World Bank use. CAMEO
// actor country codes look like ISO codes but include regions (AFR, EUR, MEA, WST, …);
// only codes in this set become an actor's country.
const codes = (
  'ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA ' +
  'BGD BGR BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN ' +
  'CIV CMR COD COG COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU ' +
  'EGY ERI ESH ESP EST ETH FIN FJI FLK FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB ' +
  'GNQ GRC GRD GRL GTM GUF GUM GUY HKG HMD HND HRV HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ' +
  'ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO ' +
  'LTU LUX LVA MAC MAF MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR ' +
  'MTQ MUS MWI MYS MYT NAM NCL NER NFK NGA NIC NIU NLD NOR NPL NRU NZL OMN PAK PAN PCN PER ' +
  'PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU SDN SEN SGP SGS SHN SJM ' +
  'SLB SLE SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK ' +
  'TKL TKM TLS TON TTO TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB VIR VNM ' +
  'VUT WLF WSM YEM ZAF ZMB ZWE'
).split(' ');

const iso3Codes: ReadonlySet<string> = new Set([...codes, 'XKX']);

/** True for an ISO 3166-1 alpha-3 country code (or XKX, Kosovo). */
export function isIso3(code: string): boolean {
  return iso3Codes.has(code);
}

export const iso3CodeList: readonly string[] = Object.freeze([...iso3Codes]);
