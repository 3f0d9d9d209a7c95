"""The demo's invented world: the people, firms, countries and places its stories are about.

Every company, person, party and country here is fictional. Datelines for business stories use
real financial centres (as any regional business daily would), but nothing is reported about a
real government, firm or person: the demo must never read as news about someone who exists.

The same lists feed the editorial set-up in ``builder`` (sections, authors, topics), so the
bylines, topics and stories of the demo fit together.
"""

from dataclasses import dataclass

# --- the publication -------------------------------------------------------------------------

SECTIONS = [
    # slug, title, intro, navigation order
    ("world", "World", "Politics, diplomacy and the economies behind the headlines.", 10),
    ("business", "Business", "Companies, deals and the people who run them.", 20),
    ("markets", "Markets", "Stocks, bonds, currencies and commodities, every trading day.", 30),
    ("technology", "Technology", "Chips, software, platforms and the rules that govern them.", 40),
    ("opinion", "Opinion", "Argument and analysis from our columnists and guest writers.", 50),
]

AUTHORS = [
    # name, role, bio, beat (the sections they usually write for)
    (
        "Amara Quell",
        "staff writer",
        "Amara covers trade and logistics from the newsroom's regional desk.",
        ("business", "world"),
    ),
    (
        "Kenji Marlowe",
        "correspondent",
        "Kenji reports on companies and policy from Tokyo.",
        ("business", "technology"),
    ),
    (
        "Tomasz Wrenfield",
        "correspondent",
        "Tomasz covers Southeast Asian economies from Singapore.",
        ("world", "business"),
    ),
    (
        "Ingrid Salcedo",
        "markets editor",
        "Ingrid edits the markets desk and writes the daily close.",
        ("markets",),
    ),
    (
        "Priya Castellan",
        "technology reporter",
        "Priya writes about semiconductors, software and digital regulation.",
        ("technology",),
    ),
    (
        "Oluwaseun Brandt",
        "economics editor",
        "Oluwaseun follows central banks, budgets and the data that move them.",
        ("markets", "world"),
    ),
    (
        "Lucia Fenwick",
        "staff writer",
        "Lucia covers energy, climate policy and infrastructure.",
        ("world", "business"),
    ),
    (
        "Rafael Dunmore",
        "staff writer",
        "Rafael writes about banking, property and the consumer economy.",
        ("business", "markets"),
    ),
    (
        "Declan Achterberg",
        "diplomatic correspondent",
        "Declan reports on diplomacy, elections and security.",
        ("world",),
    ),
    (
        "Mei-Lin Okonkwo",
        "columnist",
        "Mei-Lin writes a weekly column on economics and public policy.",
        ("opinion",),
    ),
]

TOPICS = [
    ("trade", "Trade", "Tariffs, trade deals and the routes goods travel."),
    ("energy", "Energy", "Power, fuel and the transition away from coal and oil."),
    ("central-banks", "Central banks", "Interest rates, inflation and monetary policy."),
    ("semiconductors", "Semiconductors", "The chip industry and its supply chains."),
    ("shipping", "Shipping", "Ports, freight and the business of moving cargo."),
    ("elections", "Elections", "Campaigns, votes and the governments they produce."),
    ("climate", "Climate", "Weather, adaptation and climate policy."),
    ("property", "Property", "Housing, offices and real-estate finance."),
    (
        "artificial-intelligence",
        "Artificial intelligence",
        "AI systems, the firms that build them and the rules that govern them.",
    ),
    ("labour", "Labour", "Jobs, wages, unions and the future of work."),
    ("banking", "Banking", "Lenders, deposits and financial regulation."),
    ("commodities", "Commodities", "Metals, grain, fuel and the markets that price them."),
    ("start-ups", "Start-ups", "Young companies and the investors who back them."),
    ("diplomacy", "Diplomacy", "Summits, alliances and foreign policy."),
    ("infrastructure", "Infrastructure", "Roads, rail, grids and the money that builds them."),
    ("currencies", "Currencies", "Exchange rates and the forces that move them."),
    ("deals", "Deals", "Mergers, acquisitions and listings."),
]

# --- companies and people ---------------------------------------------------------------------


@dataclass(frozen=True)
class Sector:
    key: str
    product: str  # what the firms sell, plural noun phrase
    facility: str  # what they build
    metric: str  # what analysts watch
    customers: str
    topic: str  # a topic slug


SECTORS = {
    "shipping": Sector(
        "shipping",
        "container services",
        "deep-water terminal",
        "freight volumes",
        "exporters",
        "shipping",
    ),
    "chips": Sector(
        "chips",
        "memory chips",
        "chip fabrication plant",
        "wafer shipments",
        "device makers",
        "semiconductors",
    ),
    "energy": Sector(
        "energy",
        "liquefied natural gas",
        "gas processing plant",
        "export volumes",
        "utilities",
        "energy",
    ),
    "banking": Sector(
        "banking",
        "business loans",
        "regional lending hub",
        "net interest margin",
        "small businesses",
        "banking",
    ),
    "property": Sector(
        "property",
        "office and residential towers",
        "mixed-use district",
        "occupancy rates",
        "tenants",
        "property",
    ),
    "autos": Sector(
        "autos",
        "electric buses and delivery vans",
        "assembly plant",
        "vehicle deliveries",
        "fleet operators",
        "infrastructure",
    ),
    "software": Sector(
        "software",
        "cloud software",
        "data centre",
        "subscription revenue",
        "corporate clients",
        "artificial-intelligence",
    ),
    "mining": Sector(
        "mining",
        "copper and nickel",
        "processing smelter",
        "ore output",
        "battery makers",
        "commodities",
    ),
}


@dataclass(frozen=True)
class Company:
    name: str
    short: str
    sector: str
    city: str


COMPANIES = [
    Company("Harbourline Freight", "Harbourline", "shipping", "Singapore"),
    Company("Pelorus Container Lines", "Pelorus", "shipping", "Hong Kong"),
    Company("Veydran Semiconductor", "Veydran", "chips", "Seoul"),
    Company("Kitano Microsystems", "Kitano", "chips", "Tokyo"),
    Company("Sable Point Energy", "Sable Point", "energy", "Sydney"),
    Company("Orrin Gas Holdings", "Orrin", "energy", "Jakarta"),
    Company("Lumen Bay Bank", "Lumen Bay", "banking", "Singapore"),
    Company("Castelmar Financial", "Castelmar", "banking", "London"),
    Company("Tideway Estates", "Tideway", "property", "Hong Kong"),
    Company("Brackenridge Land", "Brackenridge", "property", "Sydney"),
    Company("Kestrane Motors", "Kestrane", "autos", "Bangkok"),
    Company("Aoyagi Mobility", "Aoyagi", "autos", "Tokyo"),
    Company("Quillwork Systems", "Quillwork", "software", "Bengaluru"),
    Company("Nimbra Cloud", "Nimbra", "software", "Seoul"),
    Company("Talvik Resources", "Talvik", "mining", "Perth"),
    Company("Orecrest Metals", "Orecrest", "mining", "Jakarta"),
]

STARTUPS = [
    ("Ferroline", "battery-recycling"),
    ("Kitewing", "drone-delivery"),
    ("Ledgerleaf", "small-business accounting"),
    ("Palisade Health", "clinic-scheduling"),
    ("Gridmint", "home-energy"),
    ("Tallyhive", "warehouse-automation"),
]

FIRST_NAMES = [
    "Anika",
    "Bertrand",
    "Chiara",
    "Dariusz",
    "Eun-ji",
    "Farid",
    "Greta",
    "Hiroshi",
    "Imani",
    "Joaquin",
    "Katja",
    "Lorcan",
    "Marisol",
    "Nadim",
    "Odette",
    "Pavel",
    "Quentin",
    "Rosalind",
    "Sunil",
    "Thea",
    "Umberto",
    "Vivienne",
    "Wendell",
    "Ximena",
    "Yusuf",
    "Zofia",
]
LAST_NAMES = [
    "Albrecht",
    "Bellweather",
    "Castaneda",
    "Drummond",
    "Ekwueme",
    "Falkenrath",
    "Gorvett",
    "Halloran",
    "Iwasaki",
    "Jurado",
    "Kellerman",
    "Lindqvist",
    "Moravec",
    "Nakashima",
    "Okeke",
    "Prentiss",
    "Quaresma",
    "Rasmussen",
    "Sotheby-Lane",
    "Takahara",
    "Underhill",
    "Vasquez-Reyes",
    "Whitcombe",
    "Yardley",
    "Zelenko",
]

RESEARCH_FIRMS = [
    "Halvorsen Capital",
    "Brightline Securities",
    "Marrow & Finch Research",
    "Corbel Partners",
    "Eastgate Analytics",
    "Pinnacle Ridge Advisers",
    "Saltire Asset Management",
]

# --- countries for world stories ---------------------------------------------------------------


@dataclass(frozen=True)
class Country:
    name: str
    adj: str
    capital: str
    leader: str  # title and name
    ruling_party: str
    opposition: str
    currency: str


COUNTRIES = [
    Country(
        "Veloria",
        "Velorian",
        "Port Aster",
        "Prime Minister Ilse Marovec",
        "National Harbour Party",
        "Civic Renewal",
        "the Velorian crown",
    ),
    Country(
        "Calderra",
        "Calderran",
        "Santa Ilaria",
        "President Tomas Arriaga-Lund",
        "Democratic Alliance",
        "People's Forward",
        "the Calderran peso",
    ),
    Country(
        "Nordvik",
        "Nordvik",
        "Haldstad",
        "Prime Minister Sigrun Eltvedt",
        "Coalition for Work",
        "Green Frontier",
        "the Nordvik krona",
    ),
    Country(
        "Tamsara",
        "Tamsaran",
        "Lusamba",
        "President Adaeze Koroma-Hill",
        "United Progress",
        "Reform Front",
        "the Tamsaran shilling",
    ),
    Country(
        "Serendel",
        "Serendeli",
        "Vasko",
        "Chancellor Mirela Dostan",
        "Serendel Union",
        "Liberal Compact",
        "the Serendeli mark",
    ),
    Country(
        "Khovar",
        "Khovari",
        "Ard Khovar",
        "President Rustam Beyzadeh",
        "Party of National Unity",
        "New Khovar",
        "the Khovari dinar",
    ),
]

BUSINESS_CITIES = [
    "Tokyo",
    "Singapore",
    "Hong Kong",
    "Seoul",
    "Sydney",
    "Jakarta",
    "Bangkok",
    "Mumbai",
    "London",
    "Bengaluru",
    "Perth",
]
STOCK_INDICES = {
    "Tokyo": "the Tokyo benchmark index",
    "Singapore": "the Singapore blue-chip index",
    "Hong Kong": "Hong Kong's main share index",
    "Seoul": "the Seoul composite",
    "Sydney": "the Sydney 200 index",
    "Mumbai": "Mumbai's benchmark index",
    "London": "London's blue-chip index",
    "Jakarta": "the Jakarta composite",
}
COMMODITIES = ["copper", "nickel", "iron ore", "aluminium", "zinc", "tin"]
