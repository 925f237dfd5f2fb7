"""Word lists for recognising names: places, nationalities, titles, organisation words (general knowledge)."""

from __future__ import annotations

from .words import word_set as words_set  # one definition; entity and date modules import it from here

# General knowledge, not tuned to any corpus: places, nationalities, titles and organisation words.
PLACES = frozenset(
    x.casefold()
    for x in """Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahrain|
Bangladesh|Belarus|Belgium|Bolivia|Bosnia|Herzegovina|Brazil|Bulgaria|Cambodia|Cameroon|Canada|Chile|China|
Colombia|Congo|Croatia|Cuba|Cyprus|Czechia|Denmark|Ecuador|Egypt|Eritrea|Estonia|Ethiopia|Finland|France|Georgia|
Germany|Ghana|Greece|Guatemala|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Japan|
Jordan|Kazakhstan|Kenya|Korea|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Libya|Lithuania|Luxembourg|Malaysia|Mali|
Malta|Mexico|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Nepal|Netherlands|Nicaragua|Niger|
Nigeria|Norway|Oman|Pakistan|Palestine|Panama|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|
Serbia|Singapore|Slovakia|Slovenia|Somalia|Spain|Sudan|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|
Tunisia|Turkey|Turkmenistan|Uganda|Ukraine|Uruguay|Uzbekistan|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|Africa|Asia|
Europe|America|Americas|Arctic|Baltic|Balkans|Caucasus|Crimea|Donbas|Siberia|Scandinavia|Eurasia|Middle|East|West|
North|South|Global|Western|Eastern|Northern|Southern|Central|Britain|England|Scotland|Wales|Alaska|California|Texas|
Kabul|Beijing|Berlin|Brussels|Budapest|Cairo|Canberra|Delhi|Dublin|Geneva|Helsinki|Istanbul|Kyiv|Kiev|Lisbon|London|
Madrid|Minsk|Moscow|Ottawa|Paris|Prague|Riga|Rome|Seoul|Stockholm|Tallinn|Tehran|Tokyo|Vienna|Vilnius|Warsaw|
Washington|Ankara|Baghdad|Damascus|Tbilisi|Yerevan|Baku|Astana|Tashkent|Chisinau|Bucharest|Sofia|Belgrade|Athens|
Oslo|Copenhagen|Amsterdam|Bern|Jerusalem|Gaza|Pyongyang|Taipei|Manila|Jakarta|Hanoi|Bangkok|Islamabad|Karachi|
Mumbai|Shanghai|Hong|Kong|Sydney|Toronto|York|Chicago|Hrodna|Homyel|Brest|Mogilev|Gomel|Grodno|Vitebsk|Odesa|Kharkiv|
Lviv|Mariupol|Volgograd|Petersburg|Kaliningrad|U.S.|US|USA|UK|UAE|U.K.|Soviet|United|States|Kingdom|Republic|Emirates|
Alabama|Arizona|Arkansas|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|
Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|Hampshire|
Jersey|Mexico|Carolina|Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Tennessee|Utah|Vermont|Virginia|Wisconsin|Wyoming|
Manhattan|Brooklyn|Sri|Lanka|Maldives|Sumatra|Aceh|Phuket|Bali|Java|Borneo|Somaliland|Darfur|Kashmir|Punjab|
Bengal|Tibet|Xinjiang|Hawaii|Quebec|Ontario|Bavaria|Catalonia|Sicily|Sardinia|Corsica|Normandy|Flanders|Wallonia|
Ulster|Cornwall|Yorkshire|Lancashire|Essex|Surrey|Belfast|Glasgow|Edinburgh|Cardiff|Manchester|
Liverpool|Birmingham|Leeds|Bristol|Helsinki|Madrid|Barcelona|Milan|Naples|Munich|Hamburg|Frankfurt|Zurich|
Marseille|Lyon|Boston|Miami|Atlanta|Houston|Dallas|Seattle|Denver|Detroit|Philadelphia|Baltimore|Angeles|
Francisco|Vegas|Orleans|Colombo|Chennai|Bangalore|Kolkata|Dhaka|Kathmandu|Lagos|Nairobi|Johannesburg|
Cape|Town|Rio|Janeiro|Sao|Paulo|Buenos|Aires|Lima|Bogota|Caracas|Havana|Mexico""".replace("\n", "").split("|")
)
DEMONYMS = frozenset(
    x.casefold()
    for x in """American|Americans|Belarusian|Belarusians|British|Chinese|European|Europeans|French|German|Germans|
Russian|Russians|Ukrainian|Ukrainians|Polish|Lithuanian|Latvian|Estonian|Finnish|Swedish|Norwegian|Danish|Dutch|
Belgian|Italian|Spanish|Portuguese|Greek|Turkish|Iranian|Iraqi|Syrian|Israeli|Palestinian|Arab|Indian|Pakistani|
Japanese|Korean|Koreans|Vietnamese|Canadian|Mexican|Brazilian|African|Asian|Georgian|Armenian|Azerbaijani|Kazakh|
Hungarian|Czech|Slovak|Romanian|Bulgarian|Serbian|Croatian|Moldovan|Baltic|Nordic|Soviet|Western|Eastern|Arctic|
Atlantic|Pacific|Transatlantic|Kremlin-backed|Communist|Sunni|Sunnis|Shia|Shiite|Shiites|Muslim|Muslims|Christian|
Christians|Jewish|Jews|Catholic|Catholics|Hispanic|Hispanics|Latino|Latinos|Democrat|Democrats|Democratic|Republican|
Republicans|Australian|Australians|Kenyan|Kenyans|Ethiopian|Ethiopians|Nigerian|Jamaican|Jamaicans|Irish|
Scottish|Welsh|English|Egyptian|Moroccan|Algerian|Tunisian|Saudi|Emirati|Qatari|Afghan|Afghans|Bangladeshi|
Sri|Lankan|Indonesian|Malaysian|Thai|Filipino|Singaporean|Taiwanese|Mongolian|Uzbek|Tajik|Kyrgyz|Turkmen|Chilean|
Argentine|Argentinian|Peruvian|Colombian|Venezuelan|Cuban|Haitian|Dominican|Austrian|Swiss|Slovenian|Bosnian|
Albanian|Macedonian|Montenegrin|Icelandic|Maltese|Cypriot|Luxembourgish|Somali|Sudanese|Ugandan|Rwandan|Tanzanian|
Zimbabwean|Zambian|Ghanaian|Senegalese|Cameroonian|Congolese|Angolan|Namibian|Libyan|Lebanese|Jordanian|Yemeni|
Omani|Kuwaiti|Bahraini|Kurdish|Kurds|Romanians|Bulgarians|Hungarians|Serbs|Croats|Greeks|Turks|Iranians|Iraqis|
Syrians|Israelis|Palestinians|Indians|Pakistanis|Japanese|Chinese|Americans|Canadians|Mexicans|Brazilians|
Dutchman|Dutchwoman|Frenchman|Frenchwoman|Englishman|Englishwoman|Scotsman|Scotswoman|Welshman|Irishman|Briton|
Britons""".replace("\n", "").split("|")
)
CALENDAR = words_set(
    """january february march april may june july august september october november december monday tuesday
wednesday thursday friday saturday sunday"""
)
TITLES = words_set(
    """president vice prime minister deputy special envoy foreign secretary general chancellor king queen
prince pope senator governor mayor ambassador chairman chair chairwoman director leader commander mr
mrs ms dr prof sir lord lady judge justice rep sen gov gen col lt colonel major captain admiral
spokesman spokeswoman spokesperson representative premier patriarch metropolitan archbishop bishop
sheikh emir chief head defence defense interior state acting former late sens reps govs senators
representatives governors"""
)
ORG_HEADS = words_set(
    """union church commission ministry party parliament council bank agency treasury department office
committee court fund organisation organization institute institution assembly service services army
navy forces police board group company corporation corp inc ltd plc university administration
embassy senate congress kremlin pentagon duma alliance coalition federation association front
movement foundation centre center council authority guard patriarchate nations programme program
network media press times post news tribune journal bureau directorate secretariat street
international theatre theater museum gallery hospital college academy orchestra club airlines airways
studios records pictures motors computer computers coal petroleum pharmaceuticals cross crescent"""
)
# Institutions named by their seat or street, as news writes them (casefolded).
BODIES = frozenset(
    [
        "white house",
        "downing street",
        "capitol hill",
        "blue house",
        "elysee palace",
        "quai d'orsay",
        "foggy bottom",
    ]
)
EVENT_WORDS = words_set("""war revolution summit crisis games cup olympics election protests""")
PARTICLES = words_set("""van von de der den da di du la le al bin ibn del dos das ter""")
CONNECTORS = frozenset(("of", "on", "for"))
# Capitalised at the start of a sentence, these are ordinary words even when the corpus never has them in lower case.
OPENERS = words_set(
    """the a an this that these those both later then after before when while although though since because
despite however meanwhile still also even only critics officials many most some several other others each every
all no not today yesterday tomorrow here there now once first last next according yet but and so if as
unlike like among amid amidst under without within across through during until upon via whether whereas
besides beyond behind beneath above below near toward towards inside outside following including"""
)
# Acronyms of things, units, times and currencies, not organisations (casefolded).
COMMON_ACRONYMS = words_set(
    """tv dvd dvds hd pc pcs hiv aids bst gmt est edt pst pdt cet utc pac usd eur gbp jpy gb gdp vat it ai id
    dna cd cds mp3 pr ok suv atm phd mba cv sms pdf url faq diy vip hq agm ipo rip bc ad am pm q&a lol omg
    tba mph kph km kg lb ft sq cctv lcd led gps usb wifi ceo cfo coo cto ufo mri icu er ivf std sti mrsa sars
    ppe ptsd adhd iq uv fm ac dc hq op ed"""
)
# Words that end a place's name ("Batticoloa District", "Indian Ocean"), casefolded.
PLACE_HEADS = words_set(
    """district province county region island islands ocean sea river lake valley mountains mountain bay
    coast peninsula desert strait gulf canal square park road avenue airport station village city town
    prefecture governorate oblast municipality borough"""
)
# Words of competitions, awards and occasions: their names are neither people nor organisations.
EVENT_HEADS = words_set(
    """championship championships awards award prix marathon festival tournament trophy olympics games
    cup open series finals final derby rally gala ceremony"""
)
# Given names that are also common English words, so they still open a person's name (casefolded).
GIVEN_WORDS = words_set(
    """mark bill frank will sue rose grace hope faith joy dawn june may april ray guy jack bob pat don art
    rich chase carol dean earl herb gene jay lane lee ruby amber iris holly ivy violet olive pearl summer
    sandy rusty buck hunter taylor cash drew miles wade rob nick bud chuck ken penny patience prince duke
    king major marshall sterling victor price gay glen heather robin jasper basil sage angel crystal
    destiny harmony melody mercy charity constance prudence august autumn sky river stone hale reed
    grant will bishop porter parker fisher cook baker carter mason"""
)
# Forms of address, not roles (casefolded).
HONORIFICS = words_set("mr mrs ms miss mx sir dame madam mister messrs mme mlle herr dr")
# Occupations written before a name as a description ("Novelist Andrea Levy"), casefolded.
OCCUPATIONS = words_set(
    """novelist writer author actor actress singer songwriter director producer playwright poet artist composer
    comedian presenter broadcaster journalist reporter photographer designer architect historian scientist
    economist lawyer attorney coach manager striker midfielder defender goalkeeper sprinter athlete runner
    hurdler jumper swimmer cyclist boxer golfer champion captain chef model dancer rapper drummer guitarist
    pianist violinist conductor critic columnist editor publisher novelist film-maker filmmaker businessman
    businesswoman tycoon billionaire entrepreneur banker investor analyst activist campaigner blogger star
    veteran rookie newcomer"""
)
