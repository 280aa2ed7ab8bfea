"""Units of measure and currencies that the figure extractor recognises after (or before) a number.

One job: turn a unit as written ("miles", "km/h", "per cent", "US$", "bn") into its canonical
singular name, the kind of quantity it measures, and the factor that converts it to the metric
base of that kind (``si_unit``). The tables are plain text below so a reader can scan and extend
them; ``helpers.figures`` compiles them into regular expressions once, at import.

    >>> UNITS["miles"]
    Unit(normalized='mile', kind='length', factor=1.609344, si_unit='km')
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple


class Unit(NamedTuple):
    """What a unit as written means: canonical name, kind, factor to the si unit, si unit."""

    normalized: str
    kind: str
    factor: float
    si_unit: str


# One line per unit: spellings (|-separated) ; normalized ; kind ; factor to si ; si unit.
# Spellings are matched case-insensitively unless listed in CASE_SENSITIVE_UNITS below.
_UNIT_LINES = """
miles|mile|mi ; mile ; length ; 1.609344 ; km
kilometres|kilometers|kilometre|kilometer|km|kms ; kilometre ; length ; 1 ; km
metres|meters|metre|meter|m ; metre ; length ; 0.001 ; km
centimetres|centimeters|centimetre|centimeter|cm ; centimetre ; length ; 0.00001 ; km
millimetres|millimeters|millimetre|millimeter|mm ; millimetre ; length ; 0.000001 ; km
micrometres|micrometers|micrometre|micrometer|microns|micron|μm|µm ; micrometre ; length ; 1e-9 ; km
nanometres|nanometers|nanometre|nanometer|nm ; nanometre ; length ; 1e-12 ; km
feet|foot|ft|' ; foot ; length ; 0.0003048 ; km
inches|inch|in. ; inch ; length ; 0.0000254 ; km
yards|yard|yds|yd ; yard ; length ; 0.0009144 ; km
nautical miles|nautical mile ; nautical mile ; length ; 1.852 ; km
light-years|light years|light-year|light year ; light-year ; length ; 9.4607e12 ; km
square miles|square mile|sq mi|sq. mi. ; square mile ; area ; 2.589988 ; km2
square kilometres|square kilometers|square kilometre|square kilometer|sq km|km2|km² ; square kilometre ; area ; 1 ; km2
square metres|square meters|square metre|square meter|sq m|sqm|m2|m² ; square metre ; area ; 1e-6 ; km2
square feet|square foot|sq ft|sq. ft.|sqft ; square foot ; area ; 9.290304e-8 ; km2
acres|acre ; acre ; area ; 0.00404686 ; km2
hectares|hectare|ha ; hectare ; area ; 0.01 ; km2
cubic feet|cubic foot ; cubic foot ; other ; 28.3168 ; litre
cubic metres|cubic meters|cubic metre|cubic meter|m3|m³ ; cubic metre ; other ; 1000 ; litre
litres|liters|litre|liter|l ; litre ; other ; 1 ; litre
millilitres|milliliters|millilitre|milliliter|ml ; millilitre ; other ; 0.001 ; litre
gallons|gallon ; gallon ; other ; 3.78541 ; litre
barrels|barrel|bbl ; barrel ; other ; 158.987 ; litre
tonnes|tonne|metric tons|metric ton|tons|ton|t ; metric ton ; mass ; 1000 ; kg
gigatonnes|gigatonne|gigatons|gigaton ; gigaton ; mass ; 1e12 ; kg
megatonnes|megatonne|megatons|megaton ; megaton ; mass ; 1e9 ; kg
kilograms|kilogrammes|kilogram|kilogramme|kilos|kilo|kg|kgs ; kilogram ; mass ; 1 ; kg
grams|grammes|gram|gramme|g ; gram ; mass ; 0.001 ; kg
milligrams|milligram|mg ; milligram ; mass ; 1e-6 ; kg
micrograms|microgram|mcg|µg|μg ; microgram ; mass ; 1e-9 ; kg
pounds|pound|lbs|lb ; pound ; mass ; 0.45359237 ; kg
ounces|ounce|oz ; ounce ; mass ; 0.0283495 ; kg
carats|carat ; carat ; mass ; 0.0002 ; kg
drams|dram ; dram ; mass ; 0.0017718 ; kg
miles per hour|mile per hour|miles an hour|mph|m.p.h. ; mile per hour ; speed ; 1.609344 ; km/h
kilometres per hour|kilometers per hour|kilometres an hour|kilometers an hour|km/h|km/hr|kmh|kmph|kph ; kilometre per hour ; speed ; 1 ; km/h
metres per second|meters per second|m/s ; metre per second ; speed ; 3.6 ; km/h
knots|knot|kt|kts|kn ; knot ; speed ; 1.852 ; km/h
mach ; mach ; speed ; 1234.8 ; km/h
seconds|second|secs|sec ; second ; duration ; 1.1574074e-5 ; day
minutes|minute|mins|min ; minute ; duration ; 0.000694444 ; day
hours|hour|hrs|hr|h ; hour ; duration ; 0.0416667 ; day
days|day ; day ; duration ; 1 ; day
weeks|week|wks ; week ; duration ; 7 ; day
months|month ; month ; duration ; 30.436875 ; day
years|year|yrs|yr ; year ; duration ; 365.2425 ; day
decades|decade ; decade ; duration ; 3652.425 ; day
centuries|century ; century ; duration ; 36524.25 ; day
year-old|years-old|years old|year old ; year of age ; duration ; 365.2425 ; day
month-old|months-old|months old|month old ; month of age ; duration ; 30.436875 ; day
week-old|weeks-old|weeks old ; week of age ; duration ; 7 ; day
day-old|days-old|days old ; day of age ; duration ; 1 ; day
percent|per cent|percentage|pct|pc|% ; percent ; percent ; 1 ; percent
percentage points|percentage point|points|point|pts|pt ; point ; other ; 1 ; point
basis points|basis point|bps|bp ; basis point ; percent ; 0.01 ; percent
kilowatt hours|kilowatt-hours|kilowatt hour|kilowatt-hour|kwh ; kilowatt hour ; energy/power ; 1 ; kWh
megawatt hours|megawatt-hours|megawatt hour|megawatt-hour|mwh ; megawatt hour ; energy/power ; 1000 ; kWh
gigawatt hours|gigawatt-hours|gigawatt hour|gigawatt-hour|gwh ; gigawatt hour ; energy/power ; 1e6 ; kWh
terawatt hours|terawatt-hours|terawatt hour|terawatt-hour|twh ; terawatt hour ; energy/power ; 1e9 ; kWh
watts|watt|w ; watt ; energy/power ; 0.001 ; kW
kilowatts|kilowatt|kw ; kilowatt ; energy/power ; 1 ; kW
megawatts|megawatt|mw ; megawatt ; energy/power ; 1000 ; kW
gigawatts|gigawatt|gw ; gigawatt ; energy/power ; 1e6 ; kW
horsepower|horses|hp|bhp ; horsepower ; energy/power ; 0.7457 ; kW
joules|joule|j ; joule ; energy/power ; 2.7777778e-7 ; kWh
calories|calorie|kcal|cal ; calorie ; energy/power ; 0.00116222 ; kWh
btu|mmbtu ; british thermal unit ; energy/power ; 0.000293071 ; kWh
volts|volt|v|kv ; volt ; other ; 1 ; volt
amperes|ampere|amps|amp ; ampere ; other ; 1 ; ampere
milliampere-hours|mah ; milliampere-hour ; other ; 1 ; milliampere-hour
farads|farad ; farad ; other ; 1 ; farad
hertz|hz ; hertz ; other ; 1 ; hertz
kilohertz|khz ; kilohertz ; other ; 1000 ; hertz
megahertz|mhz ; megahertz ; other ; 1e6 ; hertz
gigahertz|ghz ; gigahertz ; other ; 1e9 ; hertz
gigapascals|gigapascal|gpa ; gigapascal ; other ; 1e9 ; pascal
megapascals|megapascal|mpa ; megapascal ; other ; 1e6 ; pascal
psi ; pound per square inch ; other ; 6894.76 ; pascal
bytes|byte ; byte ; other ; 1e-9 ; GB
kilobytes|kilobyte|kb ; kilobyte ; other ; 1e-6 ; GB
megabytes|megabyte|mb ; megabyte ; other ; 0.001 ; GB
gigabytes|gigabyte|gb ; gigabyte ; other ; 1 ; GB
terabytes|terabyte|tb ; terabyte ; other ; 1000 ; GB
petabytes|petabyte|pb ; petabyte ; other ; 1e6 ; GB
megapixels|megapixel|mp ; megapixel ; other ; 1 ; megapixel
degrees celsius|degree celsius|degrees celcius|degrees centigrade|deg celsius|deg. celsius|degrees c|degree c|deg c|deg. c|celsius|celcius|centigrade|° celsius|º celsius|° c|°c|ºc|c ; celsius ; other ; 1 ; celsius
degrees fahrenheit|degree fahrenheit|degrees farenheit|deg fahrenheit|deg. fahrenheit|degrees f|degree f|deg f|deg. f|fahrenheit|farenheit|° fahrenheit|º fahrenheit|° f|°f|ºf ; fahrenheit ; other ; 1 ; celsius
degrees|degree|deg.|deg|° ; degree ; other ; 1 ; degree
parts per million|ppm ; parts-per-million ; other ; 1 ; parts-per-million
parts per billion|ppb ; parts-per-billion ; other ; 1 ; parts-per-billion
roentgens|roentgen ; roentgen ; other ; 1 ; roentgen
mpg|miles per gallon ; mile per gallon ; other ; 0.425144 ; km/l
times|fold ; times ; other ; 1 ; times
ppg ; point per game ; other ; 1 ; point per game
rpg ; rebound per game ; other ; 1 ; rebound per game
apg ; assist per game ; other ; 1 ; assist per game
WAR ; win above replacement ; other ; 1 ; win above replacement
"""  # noqa: E501  (one unit per line reads better than wrapped lines)

# One line per currency: spellings ; normalized. Prefix spellings stand before the number
# ("$5", "US $58.24", "€3bn"), suffix spellings after it ("800 million dollars", "150 kn").
_CURRENCY_PREFIX_LINES = """
US$|US $|$US|USD|U.S.$ ; dollar
A$|AU$|$A|AUD ; australian dollar
C$|CA$|CAD ; canadian dollar
HK$|HK $ ; hong kong dollar
NZ$|NZD ; new zealand dollar
S$|S $|SGD ; singapore dollar
$ ; dollar
£|GBP|PS ; pound sterling
€|EUR ; euro
¥|JPY|Y= ; japanese yen
CNY|RMB ; chinese yuan
₹|INR|Rs|Rs. ; indian rupee
₽|RUB ; russian ruble
₴|UAH ; ukrainian hryvnia
₪|NIS|ILS ; israeli shekel
RM|MYR ; malaysian ringgit
CHF ; swiss franc
SEK ; swedish krona
MUSD ; dollar
MEUR ; euro
MGBP ; pound sterling
MAUD ; australian dollar
R ; south african rand
"""

_CURRENCY_SUFFIX_LINES = """
US dollars|U.S. dollars|US dollar|U.S. dollar ; dollar
Australian dollars|Australian dollar ; australian dollar
Canadian dollars|Canadian dollar ; canadian dollar
Hong Kong dollars|Hong Kong dollar ; hong kong dollar
Singapore dollars|Singapore dollar ; singapore dollar
New Zealand dollars|New Zealand dollar ; new zealand dollar
dollars|dollar|bucks|USD ; dollar
euros|euro|EUR|€ ; euro
pounds sterling|pound sterling|sterling|GBP|£ ; pound sterling
Japanese yen|yen|JPY ; japanese yen
Chinese yuan|yuan|renminbi|CNY|RMB ; chinese yuan
Indian rupees|rupees|rupee|INR ; indian rupee
roubles|rubles|rouble|ruble ; russian ruble
hryvnias|hryvnia|hryvnas|hryvna|UAH ; ukrainian hryvnia
shekels|shekel|NIS ; israeli shekel
ringgit ; malaysian ringgit
rand ; south african rand
kuna|kn ; croatian kuna
pesos|peso ; peso
francs|franc|CHF ; swiss franc
Swedish kronor|Swedish krona|kronor|krona|SEK ; swedish krona
Norwegian kroner|Norwegian krone|NOK ; norwegian krone
Danish kroner|Danish krone|DKK ; danish krone
MUSD ; dollar
MEUR ; euro
MGBP ; pound sterling
MAUD ; australian dollar
MSEK ; swedish krona
won ; south korean won
rials|rial|riyals|riyal ; rial
lira|liras ; lira
euro cents|euro cent|eurocents ; euro cent
US cents|U.S. cents ; cent
cents|cent ; cent
pence|penny|p ; penny
sen ; sen
"""

# Abbreviations whose case carries meaning ("m" metre vs "M" million, "C" Celsius vs "c").
CASE_SENSITIVE_UNITS = frozenset(
    "m mm cm km nm mi ft in. yd l ml mL L t g kg mg lb lbs oz s h min sec secs mins hr hrs "
    "w W kw kW mw MW gw GW kwh kWh mwh MWh gwh GWh twh TWh hp bhp HP j J v V kv kV mah mAh "
    "hz Hz HZ khz kHz mhz MHz ghz GHz gpa GPa mpa MPa kb KB mb MB gb GB tb TB pb PB mp MP "
    "c C ppm ppb pc pct pt pts bp bps kt kts kn ha cal kcal mpg psi yr yrs wks btu mmbtu "
    "mmBTU BTU m2 m3 km2 sqm m/s kph kmh km/h km/hr mph WAR".split()
)


def _parse(lines: str) -> dict[str, Unit]:
    table: dict[str, Unit] = {}
    for line in lines.strip().splitlines():
        spellings, normalized, kind, factor, si_unit = (part.strip() for part in line.split(";"))
        for spelling in spellings.split("|"):
            table[spelling] = Unit(normalized, kind, float(factor), si_unit)
    return table


def _parse_currencies(lines: str) -> dict[str, str]:
    table: dict[str, str] = {}
    for line in lines.strip().splitlines():
        spellings, normalized = (part.strip() for part in line.split(";"))
        for spelling in spellings.split("|"):
            table[spelling] = normalized
    return table


UNITS: dict[str, Unit] = _parse(_UNIT_LINES)
CURRENCY_PREFIXES: dict[str, str] = _parse_currencies(_CURRENCY_PREFIX_LINES)
CURRENCY_SUFFIXES: dict[str, str] = _parse_currencies(_CURRENCY_SUFFIX_LINES)

# Currency codes written with an M for millions: "30 MUSD", "MEUR 120" (Nordic business news).
MILLION_CODES = frozenset({"MUSD", "MEUR", "MGBP", "MAUD", "MSEK"})

# Scale words and suffixes: "4.5 million", "$13.6M", "25k", "2 bn", "$1tn", "RM3.06mil".
SCALES: dict[str, float] = {
    "hundred": 1e2,
    "thousand": 1e3,
    "k": 1e3,
    "K": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "mil": 1e6,
    "MM": 1e6,
    "m": 1e6,
    "M": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "B": 1e9,
    "bln": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "tln": 1e12,
    "T": 1e12,
    "tr": 1e12,
    "lakh": 1e5,
    "crore": 1e7,
    "dozen": 12.0,
    "doz": 12.0,
    "dozs": 12.0,
    "dz": 12.0,
    "dzs": 12.0,
}

# Plural nouns that do not end in -s, for counted nouns ("two children", "300 people").
IRREGULAR_PLURALS: dict[str, str] = {
    "people": "person",
    "children": "child",
    "men": "man",
    "women": "woman",
    "police": "police",
    "personnel": "personnel",
    "staff": "staff",
    "aircraft": "aircraft",
    "cattle": "cattle",
    "sheep": "sheep",
    "fish": "fish",
    "deer": "deer",
    "feet": "foot",
    "teeth": "tooth",
    "mice": "mouse",
    "geese": "goose",
    "infantry": "infantry",
    "livestock": "livestock",
    "crew": "crew",
}


@lru_cache(maxsize=4096)
def singular(word: str) -> str:
    """Return the singular of an English plural noun as written ("buses" -> "bus").

    >>> singular("casualties"), singular("F-150s"), singular("buses"), singular("houses")
    ('casualty', 'F-150', 'bus', 'house')
    """
    low = word.lower()
    if low in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[low]
    if len(word) > 4 and low.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and low.endswith(("ouses", "auses")):
        return word[:-1]  # "houses", "warehouses", "causes", "clauses": not "bus" -> "buses"
    if len(word) > 4 and low.endswith(("ches", "shes", "sses", "xes", "zes", "uses")):
        return word[:-2]
    if len(word) > 2 and low.endswith("s") and not low.endswith(("ss", "us", "is")):
        return word[:-1]
    return word
