import 'server-only';

// Country names as OFAC writes them (nationality, citizen, document country) → ISO 3166-1
// alpha-3. Names with no ISO code of their own (Kosovo, "Region: Gaza", "possibly
// Palestinian") are deliberately absent: the parser keeps them as written.
const ALPHA3_BY_NAME: Readonly<Record<string, string>> = {
  afghanistan: 'AFG', albania: 'ALB', algeria: 'DZA', andorra: 'AND', angola: 'AGO',
  'antigua and barbuda': 'ATG', argentina: 'ARG', armenia: 'ARM', aruba: 'ABW', australia: 'AUS',
  austria: 'AUT', azerbaijan: 'AZE', bahamas: 'BHS', 'the bahamas': 'BHS', bahrain: 'BHR',
  bangladesh: 'BGD', barbados: 'BRB', belarus: 'BLR', belgium: 'BEL', belize: 'BLZ', benin: 'BEN',
  bhutan: 'BTN', bolivia: 'BOL', 'bosnia and herzegovina': 'BIH', botswana: 'BWA', brazil: 'BRA',
  brunei: 'BRN', bulgaria: 'BGR', 'burkina faso': 'BFA', burma: 'MMR', myanmar: 'MMR', burundi: 'BDI',
  'cabo verde': 'CPV', 'cape verde': 'CPV', cambodia: 'KHM', cameroon: 'CMR', canada: 'CAN',
  'cayman islands': 'CYM', 'central african republic': 'CAF', chad: 'TCD', chile: 'CHL', china: 'CHN',
  colombia: 'COL', comoros: 'COM', 'congo, democratic republic of the': 'COD',
  'congo, republic of the': 'COG', 'costa rica': 'CRI', "cote d'ivoire": 'CIV', croatia: 'HRV',
  cuba: 'CUB', curacao: 'CUW', cyprus: 'CYP', 'czech republic': 'CZE', czechia: 'CZE', denmark: 'DNK',
  djibouti: 'DJI', dominica: 'DMA', 'dominican republic': 'DOM', ecuador: 'ECU', egypt: 'EGY',
  'el salvador': 'SLV', 'equatorial guinea': 'GNQ', eritrea: 'ERI', estonia: 'EST', eswatini: 'SWZ',
  ethiopia: 'ETH', fiji: 'FJI', finland: 'FIN', france: 'FRA', gabon: 'GAB', 'the gambia': 'GMB',
  gambia: 'GMB', georgia: 'GEO', germany: 'DEU', ghana: 'GHA', gibraltar: 'GIB', greece: 'GRC',
  grenada: 'GRD', guatemala: 'GTM', guinea: 'GIN', 'guinea-bissau': 'GNB', guyana: 'GUY', haiti: 'HTI',
  honduras: 'HND', 'hong kong': 'HKG', hungary: 'HUN', iceland: 'ISL', india: 'IND', indonesia: 'IDN',
  iran: 'IRN', iraq: 'IRQ', ireland: 'IRL', 'isle of man': 'IMN', israel: 'ISR', italy: 'ITA',
  jamaica: 'JAM', japan: 'JPN', jordan: 'JOR', kazakhstan: 'KAZ', kenya: 'KEN', kiribati: 'KIR',
  'korea, north': 'PRK', 'korea, south': 'KOR', kuwait: 'KWT', kyrgyzstan: 'KGZ', laos: 'LAO',
  latvia: 'LVA', lebanon: 'LBN', lesotho: 'LSO', liberia: 'LBR', libya: 'LBY', liechtenstein: 'LIE',
  lithuania: 'LTU', luxembourg: 'LUX', macau: 'MAC', madagascar: 'MDG', malawi: 'MWI', malaysia: 'MYS',
  maldives: 'MDV', mali: 'MLI', malta: 'MLT', 'marshall islands': 'MHL', mauritania: 'MRT',
  mauritius: 'MUS', mexico: 'MEX', moldova: 'MDA', monaco: 'MCO', mongolia: 'MNG', montenegro: 'MNE',
  morocco: 'MAR', mozambique: 'MOZ', namibia: 'NAM', nepal: 'NPL', netherlands: 'NLD',
  'new zealand': 'NZL', nicaragua: 'NIC', niger: 'NER', nigeria: 'NGA',
  'north macedonia, the republic of': 'MKD', 'north macedonia': 'MKD', norway: 'NOR', oman: 'OMN',
  pakistan: 'PAK', palau: 'PLW', palestinian: 'PSE', 'west bank': 'PSE', panama: 'PAN',
  'papua new guinea': 'PNG', paraguay: 'PRY', peru: 'PER', philippines: 'PHL', poland: 'POL',
  portugal: 'PRT', qatar: 'QAT', romania: 'ROU', russia: 'RUS', rwanda: 'RWA',
  'saint kitts and nevis': 'KNA', 'saint lucia': 'LCA', 'saint vincent and the grenadines': 'VCT',
  samoa: 'WSM', 'san marino': 'SMR', 'saudi arabia': 'SAU', senegal: 'SEN', serbia: 'SRB',
  seychelles: 'SYC', 'sierra leone': 'SLE', singapore: 'SGP', slovakia: 'SVK', slovenia: 'SVN',
  somalia: 'SOM', 'south africa': 'ZAF', 'south sudan': 'SSD', spain: 'ESP', 'sri lanka': 'LKA',
  sudan: 'SDN', suriname: 'SUR', sweden: 'SWE', switzerland: 'CHE', syria: 'SYR', taiwan: 'TWN',
  tajikistan: 'TJK', tanzania: 'TZA', thailand: 'THA', togo: 'TGO', 'trinidad and tobago': 'TTO',
  tunisia: 'TUN', turkey: 'TUR', turkiye: 'TUR', turkmenistan: 'TKM', uganda: 'UGA', ukraine: 'UKR',
  'united arab emirates': 'ARE', 'united kingdom': 'GBR', 'united states': 'USA', uruguay: 'URY',
  uzbekistan: 'UZB', vanuatu: 'VUT', venezuela: 'VEN', vietnam: 'VNM',
  'virgin islands, british': 'VGB', yemen: 'YEM', zambia: 'ZMB', zimbabwe: 'ZWE',
};

/** ISO 3166-1 alpha-3 code for an OFAC country name, or null when there is none. */
export function countryToAlpha3(name: string): string | null {
  return ALPHA3_BY_NAME[name.trim().replace(/\s+/g, ' ').toLowerCase()] ?? null;
}
