// Synthetic name material for the seed, romanised as a passport's machine-readable zone
// would show it (upper-case Latin). Each name is a group of spellings of one name —
// `MÜLLER|MUELLER|MULLER`: the first is the usual one, the others are the
// transliteration and diacritic variants that make screening hard.

export type NameGroup = readonly string[];

export interface Culture {
  key: string;
  /** Alpha-3 nationalities, most common first. */
  nationalities: readonly string[];
  /** Share of the travelling population (relative). */
  weight: number;
  family: readonly NameGroup[];
  male: readonly NameGroup[];
  female: readonly NameGroup[];
  /** The feminine form of a family name, where the language has one. */
  feminine?: (family: string) => string;
  hubs: readonly string[];
  carriers: readonly string[];
  cities: readonly string[];
  phonePrefix: string;
}

function groups(text: string): NameGroup[] {
  return text.split(',').map((group) => group.trim().split('|'));
}

export const CULTURES: readonly Culture[] = [
  {
    key: 'german', nationalities: ['DEU', 'AUT', 'CHE'], weight: 22,
    family: groups('MÜLLER|MUELLER|MULLER, SCHMIDT|SCHMITT, SCHNEIDER, FISCHER, WEBER, MEYER|MEIER|MAIER, WAGNER, BECKER, SCHÄFER|SCHAEFER|SCHAFER, KÖHLER|KOEHLER|KOHLER, HOFFMANN|HOFMANN, KRÜGER|KRUEGER|KRUGER, WOLF, NEUMANN, ZIMMERMANN'),
    male: groups('JÜRGEN|JUERGEN|JURGEN, LUKAS|LUCAS, JONAS, STEFAN|STEPHAN, THOMAS, MICHAEL, FELIX, MATTHIAS, TOBIAS, KLAUS|CLAUS'),
    female: groups('ANNA, SOPHIE|SOFIE, LENA, JULIA, KATHARINA, BÄRBEL|BAERBEL|BARBEL, SABINE, MONIKA, JANA, GRETA'),
    hubs: ['FRA', 'MUC', 'BER', 'DUS', 'HAM', 'VIE', 'ZRH'], carriers: ['LH', 'EW', 'OS', 'LX', 'DE'],
    cities: ['Frankfurt am Main', 'München', 'Berlin', 'Wien', 'Zürich', 'Köln'], phonePrefix: '+49',
  },
  {
    key: 'western', nationalities: ['GBR', 'FRA', 'NLD', 'ITA', 'SWE', 'IRL', 'BEL', 'USA', 'NOR'], weight: 16,
    family: groups("SMITH, JONES, O'BRIEN|OBRIEN, DUBOIS, LEFÈVRE|LEFEVRE, JANSSEN|JANSEN, DE JONG|DEJONG, ROSSI, RUSSO, ESPOSITO, ANDERSSON|ANDERSON, JOHANSSON|JOHANSON, NIELSEN|NILSEN, BJÖRK|BJORK|BJOERK, MURPHY"),
    male: groups('JAMES, JEAN-PIERRE|JEAN PIERRE, FRANÇOIS|FRANCOIS, GIUSEPPE, LARS, PIETER|PETER, SØREN|SOREN|SOEREN, LIAM, MARCO, OLIVER'),
    female: groups('EMMA, CHLOÉ|CHLOE, ELEONORA, INGRID, SARAH|SARA, ANNELIES, ÅSA|ASA|AASA, SIOBHAN, GIULIA, CLAIRE'),
    hubs: ['LHR', 'CDG', 'AMS', 'FCO', 'ARN', 'DUB', 'JFK', 'OSL'], carriers: ['BA', 'AF', 'KL', 'AZ', 'SK', 'EI', 'UA', 'DL'],
    cities: ['London', 'Paris', 'Amsterdam', 'Roma', 'Stockholm', 'Dublin', 'New York'], phonePrefix: '+44',
  },
  {
    key: 'hispanic', nationalities: ['ESP', 'MEX', 'COL', 'ARG', 'PRT', 'BRA', 'VEN'], weight: 9,
    family: groups('GARCÍA|GARCIA, RODRÍGUEZ|RODRIGUEZ, MARTÍNEZ|MARTINEZ, HERNÁNDEZ|HERNANDEZ, LÓPEZ|LOPEZ, GONZÁLEZ|GONZALEZ, PÉREZ|PEREZ, SÁNCHEZ|SANCHEZ, RAMÍREZ|RAMIREZ, GUZMÁN|GUZMAN, SILVA, SANTOS, CONCEIÇÃO|CONCEICAO, GONÇALVES|GONCALVES, MUÑOZ|MUNOZ'),
    male: groups('JOSÉ|JOSE, JUAN CARLOS, JOÃO|JOAO, LUIS|LUÍS, MIGUEL ÁNGEL|MIGUEL ANGEL, JESÚS|JESUS, RAFAEL, JOAQUÍN|JOAQUIN, PEDRO, ALEJANDRO'),
    female: groups('MARÍA|MARIA, ANA, LUCÍA|LUCIA, SOFÍA|SOFIA, GUADALUPE, CONCEPCIÓN|CONCEPCION, CARMEN, VALENTINA, BEATRIZ, ISABEL'),
    hubs: ['MAD', 'BCN', 'MEX', 'BOG', 'EZE', 'LIS', 'GRU', 'PMI'], carriers: ['IB', 'UX', 'AM', 'AV', 'TP', 'LA'],
    cities: ['Madrid', 'Ciudad de México', 'Bogotá', 'Buenos Aires', 'Lisboa', 'São Paulo'], phonePrefix: '+34',
  },
  {
    key: 'slavic-west', nationalities: ['POL', 'CZE', 'SVK', 'HRV', 'SRB', 'BIH'], weight: 7,
    family: groups('NOWAK, KOWALSKI, WIŚNIEWSKI|WISNIEWSKI, DVOŘÁK|DVORAK, NOVÁK|NOVAK, ŁUKASIEWICZ|LUKASIEWICZ, JOVANOVIĆ|JOVANOVIC|JOVANOVICH, HORVAT, KOVAČ|KOVAC|KOVACH, PETROVIĆ|PETROVIC|PETROVICH, ZIELIŃSKI|ZIELINSKI, HADŽIĆ|HADZIC'),
    male: groups('ŁUKASZ|LUKASZ, PIOTR, JAN, TOMÁŠ|TOMAS, MILOŠ|MILOS, DRAGAN, MARKO, KRZYSZTOF, NIKOLA, EMIR'),
    female: groups('AGNIESZKA, ZOFIA, KATEŘINA|KATERINA, JELENA|YELENA, ANA, MAŁGORZATA|MALGORZATA, IVANA, MARTINA, AMRA, DRAGANA'),
    feminine: (family) => family.replace(/SKI$/, 'SKA').replace(/CKI$/, 'CKA'),
    hubs: ['WAW', 'PRG', 'BTS', 'ZAG', 'BEG', 'SJJ'], carriers: ['LO', 'OK', 'OU', 'JU', 'FR'],
    cities: ['Warszawa', 'Praha', 'Bratislava', 'Zagreb', 'Beograd', 'Sarajevo'], phonePrefix: '+48',
  },
  {
    key: 'greek', nationalities: ['GRC', 'CYP'], weight: 3,
    family: groups('PAPADOPOULOS, GEORGIOU|YIORGIOU, NIKOLAIDIS|NICOLAIDES|NIKOLAIDES, PAPAGEORGIOU, KONSTANTINIDIS|CONSTANTINIDES, OIKONOMOU|ECONOMOU|IKONOMOU, DIMITRIOU, VASILEIOU|VASSILIOU|VASILIOU, KARAGIANNIS|KARAYIANNIS'),
    male: groups('GEORGIOS|YIORGOS|GIORGOS, DIMITRIOS|DIMITRIS, KONSTANTINOS|CONSTANTINOS|KOSTAS, NIKOLAOS|NIKOS, IOANNIS|YIANNIS|GIANNIS, CHRISTOS|HRISTOS'),
    female: groups('MARIA, ELENI|HELENI, AIKATERINI|EKATERINI|KATERINA, VASILIKI|VASSILIKI, SOFIA|SOPHIA, DESPOINA|DESPINA'),
    feminine: (family) => family.replace(/OS$/, 'OU').replace(/IS$/, 'I'),
    hubs: ['ATH', 'SKG', 'LCA'], carriers: ['A3', 'CY'], cities: ['Athina', 'Thessaloniki', 'Lefkosia'], phonePrefix: '+30',
  },
  {
    key: 'turkish', nationalities: ['TUR'], weight: 8,
    family: groups('YILMAZ, ÇELIK|CELIK, ŞAHIN|SAHIN, YILDIZ, YILDIRIM, ÖZTÜRK|OZTURK|OEZTUERK, AYDIN, ÖZDEMIR|OZDEMIR|OEZDEMIR, ARSLAN|ASLAN, DOĞAN|DOGAN, KILIÇ|KILIC, ÇETIN|CETIN, KOÇ|KOC'),
    male: groups('MEHMET|MEHMED, MUSTAFA, AHMET|AHMED, ALI, HÜSEYIN|HUSEYIN|HUESEYIN, HASAN, İBRAHIM|IBRAHIM, EMRE, MURAT, YUSUF'),
    female: groups('AYŞE|AYSE, FATMA, EMINE, HATICE, ZEYNEP, ELIF, ÖZLEM|OZLEM, MERVE, SEVGI'),
    hubs: ['IST', 'SAW', 'AYT', 'ESB', 'ADB'], carriers: ['TK', 'PC', 'XQ'], cities: ['İstanbul', 'Ankara', 'İzmir', 'Antalya'], phonePrefix: '+90',
  },
  {
    key: 'arabic', nationalities: ['EGY', 'SYR', 'IRQ', 'JOR', 'LBN', 'MAR', 'TUN', 'SAU', 'DZA', 'YEM', 'ARE'], weight: 10,
    family: groups('AL-HASSAN|ALHASSAN|EL HASSAN|AL HASAN, HADDAD|HADAD, KHALIL|KHALEEL, MANSOUR|MANSUR, AL-SAYED|EL-SAYED|ELSAYED, NASSER|NASIR, IBRAHIM|EBRAHIM, ABDULLAH|ABDALLAH|ABDELLAH, SALEH|SALIH, HUSSEIN|HUSAYN|HUSSAIN, YOUSSEF|YUSUF|YOUSEF, AL-RASHID|AL RASHEED, QASIM|KASSEM|QASSEM, HAMDAN, AL-DURI|AL DOURI|ALDURI, AL-TIKRITI|AL TIKRITI'),
    male: groups('MOHAMMED|MUHAMMAD|MOHAMED|MOHAMAD, AHMED|AHMAD, ALI, OMAR|UMAR, KHALED|KHALID, YOUSSEF|YUSUF, HASSAN|HASAN, IBRAHIM, MAHMOUD|MAHMUD, ABDULRAHMAN|ABDELRAHMAN|ABD AL-RAHMAN, TARIQ|TAREK, SAMIR|SAMEER, IZZAT|EZZAT'),
    female: groups('FATIMA|FATMA, AISHA|AICHA|AYESHA, MARYAM|MARIAM, LAYLA|LEILA, NOUR|NUR, HALA, SARA|SARAH, ZAINAB|ZEINAB, AMIRA, RANIA'),
    hubs: ['CAI', 'AMM', 'BEY', 'CMN', 'TUN', 'JED', 'RUH', 'DXB', 'BGW', 'ALG'], carriers: ['MS', 'RJ', 'ME', 'AT', 'TU', 'SV', 'EK', 'IA'],
    cities: ['al-Qahira', 'Amman', 'Bayrut', 'Casablanca', 'Tunis', 'Jiddah', 'Dubai', 'Baghdad'], phonePrefix: '+20',
  },
  {
    key: 'persian', nationalities: ['IRN', 'AFG'], weight: 3,
    family: groups("HOSSEINI|HOSEINI|HUSSAINI, MOHAMMADI|MOHAMADI|MUHAMMADI, AHMADI, REZAEI|REZAYI|REZAIE, MOUSAVI|MOUSSAVI|MUSAVI, KARIMI, RAHIMI, HASHEMI, JAFARI|JA'FARI|DJAFARI, SADEGHI|SADEQI, GHASEMI|QASEMI|GHASSEMI, NAZARI, SOLEIMANI|SOLEYMANI|SULEIMANI"),
    male: groups('ALI, REZA, MOHAMMAD REZA|MOHAMMADREZA, HOSSEIN|HUSSEIN|HOSEIN, MEHDI|MAHDI, AMIR, MOJTABA, JAVAD, ROSTAM|RUSTAM'),
    female: groups('FATEMEH|FATEME|FATIMA, ZAHRA, MARYAM, ZEINAB|ZEYNAB, NARGES, SHIRIN, PARISA'),
    hubs: ['IKA', 'KBL'], carriers: ['IR', 'W5', 'TK'], cities: ['Tehran', 'Esfahan', 'Kabul', 'Mashhad'], phonePrefix: '+98',
  },
  {
    key: 'russian', nationalities: ['RUS', 'UKR', 'BLR', 'KAZ', 'MDA'], weight: 6,
    family: groups('IVANOV, PETROV, SMIRNOV, KUZNETSOV|KOUZNETSOV|KUZNECOV, POPOV, SOKOLOV, VOLKOV, FEDOROV|FYODOROV, MOROZOV, NOVIKOV, KOVALENKO, SHEVCHENKO|SHEVTCHENKO|SZEWCZENKO, ZAKHARCHENKO|ZAHARCHENKO, ORLOV, KOZLOV, LEBEDEV'),
    male: groups('ALEKSANDR|ALEXANDER|OLEKSANDR, DMITRY|DMITRIY|DMITRII, SERGEY|SERGEI|SERHIY, ANDREY|ANDREI|ANDRIY, MIKHAIL|MYKHAILO, YURIY|YURI|IURII, VLADIMIR|VOLODYMYR, ALEKSEY|ALEXEI|OLEKSIY'),
    female: groups('OLGA|OLHA, NATALYA|NATALIA, YELENA|ELENA|OLENA, TATYANA|TATIANA, IRINA|IRYNA, SVETLANA, ANASTASIYA|ANASTASIA, YULIYA|IULIIA|JULIA'),
    feminine: (family) => (/(OV|EV|IN)$/.test(family) ? `${family}A` : family),
    hubs: ['KBP', 'ALA', 'IST', 'KIV', 'TBS'], carriers: ['PS', 'KC', 'TK', 'H4'], cities: ['Kyiv', 'Almaty', 'Chisinau', 'Minsk'], phonePrefix: '+380',
  },
  {
    key: 'chinese', nationalities: ['CHN', 'TWN', 'HKG', 'SGP'], weight: 5,
    family: groups('WANG|WONG, LI|LEE, ZHANG|CHANG|CHEUNG, LIU|LAU, CHEN|CHAN|TAN, YANG|YEUNG, HUANG|HWANG, ZHAO|CHAO|CHIU, ZHOU|CHOW|CHOU, XU|HSU|HUI, SUN|SYUN, MA, ZHU|CHU'),
    male: groups('WEI, JUN|CHUN, HAO, LEI, QIANG|CHIANG|KEUNG, JIANGUO|CHIEN-KUO, MING, ZHIWEI|CHIH-WEI, BAOXIA|PAO-HSIA'),
    female: groups('XIUYING|XIU YING|HSIU-YING, LINA|LI NA, FANG, JING|CHING, MEI|MUI, YAN|YEN, XIAOLI|HSIAO-LI, HUI'),
    hubs: ['PEK', 'PVG', 'CAN', 'HKG', 'TPE', 'SIN'], carriers: ['CA', 'MU', 'CZ', 'CX', 'CI', 'SQ'],
    cities: ['Beijing', 'Shanghai', 'Guangzhou', 'Hong Kong', 'Taipei', 'Singapore'], phonePrefix: '+86',
  },
  {
    key: 'korean', nationalities: ['KOR'], weight: 2,
    family: groups('KIM|GIM, LEE|YI|RHEE, PARK|PAK|BAK, CHOI|CHOE, JUNG|JEONG|CHUNG, KANG, CHO|JO, YOON|YUN'),
    male: groups('MIN-JUN|MINJUN, JI-HOON|JIHOON, SEUNG-HYUN|SEUNGHYUN, DONG-HYUN|DONGHYUN, SUNG-HO|SEONG-HO'),
    female: groups('SEO-YEON|SEOYEON, JI-WOO|JIWOO, MIN-SEO|MINSEO, HYE-JIN|HYEJIN, SO-YOUNG|SOYOUNG'),
    hubs: ['ICN'], carriers: ['KE', 'OZ'], cities: ['Seoul', 'Busan'], phonePrefix: '+82',
  },
  {
    key: 'vietnamese', nationalities: ['VNM'], weight: 2,
    family: groups('NGUYỄN|NGUYEN, TRẦN|TRAN, LÊ|LE, PHẠM|PHAM, HOÀNG|HOANG|HUYNH, VŨ|VU|VO, ĐẶNG|DANG, BÙI|BUI'),
    male: groups('VĂN MINH|VAN MINH, ĐỨC ANH|DUC ANH, QUANG HUY, THANH TÙNG|THANH TUNG, MINH KHOA'),
    female: groups('THỊ LAN|THI LAN, THỊ HƯƠNG|THI HUONG, NGỌC ANH|NGOC ANH, THU TRANG, BẢO CHÂU|BAO CHAU'),
    hubs: ['SGN', 'HAN'], carriers: ['VN'], cities: ['Hà Nội', 'Thành phố Hồ Chí Minh'], phonePrefix: '+84',
  },
  {
    key: 'indian', nationalities: ['IND'], weight: 5,
    family: groups('SHARMA, SINGH, KUMAR, PATEL, GUPTA, VERMA, YADAV, REDDY, CHOUDHARY|CHAUDHARY|CHOUDHURY, SRIVASTAVA|SHRIVASTAVA, MUKHERJEE|MUKHERJI, IYER'),
    male: groups('RAHUL, AMIT, VIJAY, SURESH, RAJESH, SANJAY, ARJUN, VIKRAM'),
    female: groups('PRIYA, ANJALI, SUNITA, POOJA|PUJA, LAKSHMI|LAXMI, DEEPIKA, KAVITA|KAVITHA'),
    hubs: ['DEL', 'BOM', 'BLR', 'MAA'], carriers: ['AI', '6E', 'LH'], cities: ['New Delhi', 'Mumbai', 'Bengaluru', 'Chennai'], phonePrefix: '+91',
  },
  {
    key: 'south-asian-muslim', nationalities: ['PAK', 'BGD'], weight: 3,
    family: groups('KHAN, AHMED|AHMAD, HUSSAIN|HUSAIN, QURESHI|KURESHI, CHAUDHRY|CHOUDHRY, MALIK, RAHMAN|REHMAN, ISLAM, SHEIKH|SHAIKH, MIRZA, MUHAMMAD|MOHAMMAD'),
    male: groups('MUHAMMAD|MOHAMMAD, IMRAN, ASIF, BILAL, USMAN|OSMAN, HAMZA, FARHAN, RASHID|RASHEED, HAYAT ULLAH|HAYATULLAH'),
    female: groups('AYESHA|AISHA, FATIMA, SANA, NADIA, SADIA, RUKHSANA, BUSHRA'),
    hubs: ['ISB', 'LHE', 'KHI', 'DAC'], carriers: ['PK', 'BG', 'QR', 'EK'], cities: ['Lahore', 'Karachi', 'Islamabad', 'Dhaka'], phonePrefix: '+92',
  },
  {
    key: 'west-african', nationalities: ['NGA', 'GHA', 'SEN', 'CMR', 'MLI', 'GIN'], weight: 2,
    family: groups("OKAFOR, ADEYEMI, OKONKWO, BELLO, MENSAH, OWUSU, DIALLO|JALLOH, BALDÉ|BALDE, NDIAYE|N'DIAYE, TRAORÉ|TRAORE, KONÉ|KONE, OGUNLEYE"),
    male: groups('CHINEDU, OLUWASEUN|OLUSEUN, KWAME, KOFI, MAMADOU|MAMADU, IBRAHIMA, EMEKA, YAW'),
    female: groups('NGOZI, ADAEZE, AMINATA, FATOUMATA|FATUMATA, ABENA, AKOSUA, FUNMILAYO'),
    hubs: ['LOS', 'ABV', 'ACC', 'DSS', 'DLA'], carriers: ['ET', 'KQ', 'AT', 'AF', 'HF'], cities: ['Lagos', 'Abuja', 'Accra', 'Dakar', 'Douala'], phonePrefix: '+234',
  },
  {
    key: 'east-african', nationalities: ['SOM', 'ETH', 'ERI', 'KEN'], weight: 2,
    family: groups('MOHAMED|MOHAMMED|MAXAMED, ABDI|CABDI, WARSAME|WARSAMEH, FARAH|FAARAX, HIRSI|XIRSI, JAMA|JAAMAC, OSMAN|CISMAAN, TESFAYE, GEBREMEDHIN|GEBRE MEDHIN, HAILE, OTIENO, MAHAMOUD|MAHAMUD'),
    male: groups('ABDIRAHMAN|CABDIRAXMAAN, MUSE|MUUSE, YUSUF|YUUSUF, DAWIT, TEKLE, BRIAN, KIPRONO, BASHIR|BASHIIR'),
    female: groups('HODAN|XODAN, FARHIYA, SAHRA|SAXRA, HIRUT, MERON, WAMBUI, AKINYI'),
    hubs: ['ADD', 'NBO', 'MGQ', 'ASM'], carriers: ['ET', 'KQ', 'TK'], cities: ['Addis Ababa', 'Nairobi', 'Mogadishu', 'Asmara'], phonePrefix: '+251',
  },
];

export const GERMAN_AIRPORTS = ['FRA', 'MUC', 'BER', 'DUS', 'HAM', 'CGN', 'STR'] as const;

export function cultureOfNationality(nationality: string): Culture | undefined {
  return CULTURES.find((culture) => culture.nationalities.includes(nationality));
}
