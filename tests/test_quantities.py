"""Quantities in hand-written sentences: ranges, scales, currencies, negatives, numbers in words.

Each case is written here for a general pattern of business news (not copied from any gold): the sentence, and the
(value or [low, high], unit) of every money, percent or points quantity expected in it, in order.
"""

from __future__ import annotations

import json

import pytest

from claimgraph.sources.quantities import find_quantities
from claimgraph.sources.text import normalise

Expected = list[tuple[float | tuple[float, float], str]]

CASES: list[tuple[str, Expected]] = [
    # ranges sharing a scale or a unit
    ("The company sees capital spending of $10 to $15 billion next year.", [((10e9, 15e9), "USD")]),
    ("It expects margins of 5 to 7 per cent.", [((5, 7), "percent")]),
    ("Revenue is forecast at $3.60-$3.65 billion.", [((3.6e9, 3.65e9), "USD")]),
    ("Profit per share should be 23-30 cents.", [((0.23, 0.30), "USD")]),
    ("Sales will be between 2 and 3 pct higher.", [((2, 3), "percent")]),
    ("It sees a loss of 15 to 20 mln dlrs.", [((15e6, 20e6), "USD")]),
    ("Cattle prices climbed 0.50 to 1.00 dlr.", [((0.5, 1.0), "USD")]),
    ("Offers were 88.90 to 92.29 U.S dlrs a tonne.", [((88.9, 92.29), "USD")]),
    # a change's two levels: the old one takes the new one's unit and scale
    ("The jobless rate rose from 5 to 7 per cent.", [(5, "percent"), (7, "percent")]),
    ("Its debt fell from 1.1 to 0.9 billion dlrs.", [(1.1e9, "USD"), (0.9e9, "USD")]),
    # percent spellings and points
    ("Shares gained 5 pc on the day.", [(5, "percent")]),
    ("Growth was 5 p.c. in India.", [(5, "percent")]),
    ("Margins rose 50 bips and sales reached Rmb3.4bn.", [(0.5, "pp"), (3.4e9, "CNY")]),
    ("Output climbed 3.5 per cent.", [(3.5, "percent")]),
    ("Orders fell 2.5 pct in March.", [(2.5, "percent")]),
    ("The bank cut rates by 25 basis points.", [(0.25, "pp")]),
    ("The margin narrowed by 1.2 percentage points.", [(1.2, "pp")]),
    # currency prefixes and codes
    ("BHP earned $US1.2 billion.", [(1.2e9, "USD")]),
    ("Qantas earned A$3.4 billion and spent US$500 million.", [(3.4e9, "AUD"), (500e6, "USD")]),
    ("It paid C$2 billion and HK$5.6 billion.", [(2e9, "CAD"), (5.6e9, "HKD")]),
    ("Operating profit was EUR 205.5 mn, up from EUR180 million.", [(205.5e6, "EUR"), (180e6, "EUR")]),
    ("The deal is worth SEK 3.2 billion.", [(3.2e9, "SEK")]),
    ("Net sales were 12.4 million NOK.", [(12.4e6, "NOK")]),
    ("Estonian sales rose to EEK 54 million.", [(54e6, "EEK")]),
    ("Its loss widened to EUR 189,000 USD 245,000 in the quarter.", [(189000, "EUR"), (245000, "USD")]),
    ("The euro sign came through as x20ac 385 million in the feed.", [(385e6, "EUR")]),
    ("Tickets were priced at pounds 4,805 each.", [(4805, "GBP")]),
    ("Stora bought it for ( x20ac ) 47 million.", [(47e6, "EUR")]),
    ("Revenue grew to euro742 million.", [(742e6, "EUR")]),
    ("Turnover will reach Lt 53mn this year.", [(53e6, "LTL")]),
    ("The stake represents 5,19 per cent of the capital.", [(5.19, "percent")]),
    ("Shares hit a high of 172p last month, before closing at 3 p.m.", [(1.72, "GBP")]),
    ("It targets savings of EUR15-20m a year.", [((15e6, 20e6), "EUR")]),
    ("Operating profit will be EUR 0.8 -1.2 million.", [((0.8e6, 1.2e6), "EUR")]),
    ("The bank lent 10 million Euros to the group.", [(10e6, "EUR")]),
    # currency names, with and without a nationality
    ("Revenue reached 5 billion yuan.", [(5e9, "CNY")]),
    ("Samsung spent 3 trillion won on chips.", [(3e12, "KRW")]),
    ("Toyota earned 1.2 trillion yen.", [(1.2e12, "JPY")]),
    ("Tata raised 500 crore rupees.", [(5e9, "INR")]),
    ("It will invest Rs 450 crore.", [(4.5e9, "INR")]),
    ("Net profit was 150 mln Canadian dlrs.", [(150e6, "CAD")]),
    ("Nestle earned 1.5 billion Swiss francs.", [(1.5e9, "CHF")]),
    ("Volvo lost 5.3 billion Swedish crowns.", [(5.3e9, "SEK")]),
    ("The fund bought 20 mln U.S. dlrs of bonds.", [(20e6, "USD")]),
    ("Sales were 100 mln Hong Kong dollars.", [(100e6, "HKD")]),
    ("Gold Fields earned 2.1 billion rand.", [(2.1e9, "ZAR")]),
    ("Pretax profit was 12.5 mln stg, and the dividend 4.2 pence.", [(12.5e6, "GBP"), (0.042, "GBP")]),
    # negatives
    ("The fund reported $-50.8bn of outflows.", [(-50.8e9, "USD")]),
    ("Growth was minus 3 pct in the quarter.", [(-3, "percent")]),
    ("Cash flow was a negative 24 mln dlrs.", [(-24e6, "USD")]),
    # numbers in words
    ("Costs rose one per cent.", [(1, "percent")]),
    ("Shr loss two cts vs profit one ct.", [(0.02, "USD"), (0.01, "USD")]),
    ("Eighty-five percent of the shares were tendered.", [(85, "percent")]),
    ("Sales rose twenty-one pct.", [(21, "percent")]),
    ("The Fed cut rates by half a percentage point.", [(0.5, "pp")]),
    ("Sales were only a per cent lower, and margins a quarter of a percentage point.", [(1, "percent"), (0.25, "pp")]),
    # a scaled number compared with money takes its currency
    ("Salcomp posted a EUR 1.49 million loss compared with a 1.70 million profit.", [(1.49e6, "EUR"), (1.7e6, "EUR")]),
    ("Net profit fell to 134 mln stg from 759 mln.", [(134e6, "GBP"), (759e6, "GBP")]),
    # hedges keep the stated value
    ("Revenue rose about 15 percent.", [(15, "percent")]),
    # range grammar: a dash before the second percent is the range's, a day of the month starts no range
    ("Margins should land in a 12 % -18 % band.", [((12, 18), "percent")]),
    ("Profit for the period through Sept. 30 to EUR 12 million was flat.", [(12e6, "EUR")]),
    # ranges in words
    ("Staff costs will rise three to four pct.", [((3, 4), "percent")]),
    ("The unit's sales are between five and six mln dlrs.", [((5e6, 6e6), "USD")]),
    # fractions: in digits, in words, and a bid-offer pair quoted side by side
    ("The notes pay 5/8 pct over Libor and 1-1/4 pct after.", [(0.625, "percent"), (1.25, "percent")]),
    ("The tax was set at one-half cent a pound, then three-eighths pct.", [(0.005, "USD"), (0.375, "percent")]),
    ("Base rates stand at ten and a half pct.", [(10.5, "percent")]),
    ("Overnight funds were dealt at 6-5/8 6-3/4 pct.", [((6.625, 6.75), "percent")]),
    # decimal comma before a scale word; a tokeniser's splits after a currency
    ("Turnover was EUR 3,4 million.", [(3.4e6, "EUR")]),
    ("Its loss shrank to EUR815 ,000 from EUR2 .6 m.", [(815000, "EUR"), (2.6e6, "EUR")]),
    ("The stock ended at ( x20ac ) 9.12 ( $ 11US .80 ), or $ 70US million in all.",
     [(9.12, "EUR"), (11.8, "USD"), (70e6, "USD")]),
    ("It paid & euro ; 2.5 million, or &pound;2 million, and E14 .5 million later.",
     [(2.5e6, "EUR"), (2e6, "GBP"), (14.5e6, "EUR")]),
    # the dateline's currency: dollars and cents of a Canadian story are Canadian, unless "U.S."
    ("MONTREAL, May 4 - Shr profit nine cts vs loss one ct Net profit 2.1 mln dlrs, or 1.5 mln U.S. dlrs.",
     [(0.09, "CAD"), (0.01, "CAD"), (2.1e6, "CAD"), (1.5e6, "USD")]),
    # amounts without a currency after a money noun, a results label, or "vs" after an amount of money
    ("The firm had net income of 2,418,000 after a writedown of 312,500, on revenues of 9.1 mln dlrs.",
     [(2418000, "USD"), (312500, "USD"), (9.1e6, "USD")]),
    ("Net loss 745,000 vs profit 1,120,000 NOTE: figures unaudited.", [(745000, "USD"), (1120000, "USD")]),
    ("Sales rose to 12.5 mln stg from 11,900,000.", [(12.5e6, "GBP"), (11.9e6, "GBP")]),
    # bid-offer quotes with a slash (the offer may give only its last digits)
    ("Overnight money was 4.15/25 pct and the dollar 139.40/50 yen, gold 402/403 dlrs.",
     [((4.15, 4.25), "percent"), ((139.4, 139.5), "JPY"), ((402, 403), "USD")]),
    # currency and scale spellings: millions of euros as MEUR, scale words in capitals, a hyphenated per cent
    ("Turnover was MEUR 41.6 and a EUR 2 BILLION loan was signed; margins grew 3.1-per-cent.",
     [(41.6e6, "EUR"), (2e9, "EUR"), (3.1, "percent")]),
    # numbers in words with any currency name, a nationality, or basis points
    ("It raised five mln Canadian dlrs, two billion U.S. Dlrs and nine billion yuan, and cut fees twenty basis points.",
     [(5e6, "CAD"), (2e9, "USD"), (9e9, "CNY"), (0.2, "pp")]),
    ("Shares rose four pence after a six dlr a share bid.", [(0.04, "GBP"), (6, "USD")]),
    # cents with a nationality
    ("Zinc costs 41-1/2 U.S. cents, or two Canadian cts more.", [(0.415, "USD"), (0.02, "CAD")]),
    # a scaled amount used as an adjective, in words or digits, hyphenated, or with the scale on both ends of a range
    ("It sold a two billion franc bond, a 400 mln mark note and a one-billion-dlr loan.",
     [(2e9, "CHF"), (400e6, "DEM"), (1e9, "USD")]),
    ("The unit is worth two mln to four mln dlrs.", [((2e6, 4e6), "USD")]),
    # grain prices: cents and eighths of a cent after the decimals
    ("July soybeans settled at 4.97-1/4 dlrs.", [(4.9725, "USD")]),
    # points: hyphenated basis points, "ppt", "percentage pts", a fraction of a point in a rate's idiom
    ("Margin gained a 120-basis-point lift, 1.5 ppts in Europe and 2 percentage pts in Asia.",
     [(1.2, "pp"), (1.5, "pp"), (2, "pp")]),
    ("The Fed made a quarter-point cut after a half-point rise and a three-quarter-point hike.",
     [(0.25, "pp"), (0.5, "pp"), (0.75, "pp")]),
    # a minus before the currency; a currency sign glued to a word (call summaries)
    ("Loss per share was -$0.05 against -$0.12, with guidance of $0.61 -$0.81.",
     [(-0.05, "USD"), (-0.12, "USD"), ((0.61, 0.81), "USD")]),
    ("sees q4 adjusted eps$0.61 - $0.81.", [((0.61, 0.81), "USD")]),
    # lower-cased call summaries keep their currency codes
    ("sees fy revenue c$1.2 billion to c$1.3 billion; qtrly net profit rs 1,200 crore; eur 3.4 billion.",
     [((1.2e9, 1.3e9), "CAD"), (12e9, "INR"), (3.4e9, "EUR")]),
    # scale spellings after a currency only; Indian scales in the plural
    ("Revenue was $4.2bil, cash $3.1 mil, backlog $2.5 mm, profit Rs 12.5 cr and Rs 5 crores.",
     [(4.2e9, "USD"), (3.1e6, "USD"), (2.5e6, "USD"), (125e6, "INR"), (50e6, "INR")]),
    # more currency prefixes and signs
    ("Maybank earned RM1.2 billion, Astra Rp 3 trillion, Nestle SFr 2 billion, Emaar Dh4.1 billion.",
     [(1.2e9, "MYR"), (3e12, "IDR"), (2e9, "CHF"), (4.1e9, "AED")]),
    # cents and pence signs; pence before a full stop
    ("It earned 61¢ a share, and the shares fell 12p to 345p.", [(0.61, "USD"), (0.12, "GBP"), (3.45, "GBP")]),
    # a whole number and a fraction, in digits or words
    ("Rates rose 1 1/2 percent, then 2½% and ½ per cent; the deal is worth one and a half billion dollars.",
     [(1.5, "percent"), (2.5, "percent"), (0.5, "percent"), (1.5e9, "USD")]),
    # accounting negatives on both ends of a range; a minus right after a bracket
    ("It sees a loss per share of ($0.10) to ($0.05), compared with ($0.20); EBITDA: $300m (-5% y/y).",
     [((-0.1, -0.05), "USD"), (-0.2, "USD"), (300e6, "USD"), (-5, "percent")]),
    # spoken amounts: "a billion", "half a billion", "twelve point five billion"; "plus or minus" is no minus
    ("We made half a billion dollars, then a billion dollars, then twelve point five billion dollars, plus or minus 2%.",
     [(0.5e9, "USD"), (1e9, "USD"), (12.5e9, "USD"), (2, "percent")]),
    # "raised from X to Y" gives the old and the new level; "from X-Y" after a change is one (earlier) range
    ("Guidance was raised from $2.6 billion to $2.7 billion, with EPS of $4.10-4.20, up from $3.95-$4.05.",
     [(2.6e9, "USD"), (2.7e9, "USD"), ((4.1, 4.2), "USD"), ((3.95, 4.05), "USD")]),
    # figures glued to words, as some page extractions leave them
    ("Q3 Revenue$5.2bn, EPS$0.61, up12% on 2021, with HK$3 in Asia.",
     [(5.2e9, "USD"), (0.61, "USD"), (12, "percent"), (3, "HKD")]),
    # hundreds in words
    ("It cut costs five hundred million pounds, about a hundred basis points, then one hundred and fifty basis points"
     " and two to three hundred dollars a unit.",
     [(500e6, "GBP"), (1, "pp"), (1.5, "pp"), ((200, 300), "USD")]),
    # "in the range of X and Y"; a currency word glued to the next number; a range's second number split by a
    # tokeniser; SDRs, taka
    ("Revenue is seen in the range of $535 million and $555 million, or EUR 950mn-1 ,000 mn , US$ 1.5 billion "
     "euro1 billion, 85 mln SDRs and 47 billion taka.",
     [((535e6, 555e6), "USD"), ((950e6, 1000e6), "EUR"), (1.5e9, "USD"), (1e9, "EUR"), (85e6, "XDR"), (47e9, "BDT")]),
    # tenths of a percent and of a point, "of 1 percent" (AP style)
    ("Sales rose three-tenths of 1 percent after a tenth of a percentage point, and two-tenths of a percent before.",
     [(0.3, "percent"), (0.1, "pp"), (0.2, "percent")]),
    # call-summary slips: a percent glued to a word, "$15.5%", "$0.50per share"; "down 14% to 17%" one range
    ("Rate increases were 14%in the quarter, margins rose to $15.5%, the dividend rose to $0.50per share, and it "
     "sees revenue down 14% to 17%.", [(14, "percent"), (15.5, "percent"), (0.5, "USD"), ((14, 17), "percent")]),
    # a results line without a currency: the amount after "vs" follows the one before it
    ("Net 1,234,000 vs 1,000,000", [(1234000, "USD"), (1000000, "USD")]),
    # abbreviated and more nationalities before dollars and pounds
    ("It earned 1.78 billion H.K. Dlrs, 50 mln N.Z. dlrs, 5 mln Cdn dlrs and paid two British pounds a share.",
     [(1.78e9, "HKD"), (50e6, "NZD"), (5e6, "CAD"), (2, "GBP")]),
    # a plain decimal compared with an amount just before it; a bid-offer quote is no end of a range
    ("The rate was 141.04 yen against 169.03 a year earlier, and the dollar lost about one yen to 141.25/35 yen.",
     [(141.04, "JPY"), (169.03, "JPY"), (1, "JPY"), ((141.25, 141.35), "JPY")]),
    # footnote marks after an amount
    ("Net income was $1.2 billion¹ and margins 12%².", [(1.2e9, "USD"), (12, "percent")]),
    # a bid-offer quote in thousands
    ("Nickel was quoted at 2,355/2,360 stg a tonne.", [((2355, 2360), "GBP")]),
    # rand, Kenyan shillings and more ISO codes
    ("Sasol earned R12.3 billion, Safaricom KSh 12 billion, and a unit PKR 5 billion and VND 12 trillion; R2 rose.",
     [(12.3e9, "ZAR"), (12e9, "KES"), (5e9, "PKR"), (12e12, "VND")]),
    # share prices and moves in eighths, without a currency, in a story about shares (Canadian on a Canadian exchange)
    ("IBM shares rose 1-1/2 to 123-3/4, while Digital stock fell 3/8 to 160.",
     [(1.5, "USD"), (123.75, "USD"), (0.375, "USD"), (160, "USD")]),
    ("Its shares traded on the Toronto Stock Exchange at 6-7/8, up 1/8.", [(6.875, "CAD"), (0.125, "CAD")]),
    # "-plus" after a number or a scale
    ("We see 20-plus percent growth and $1 billion-plus of cash.", [(20, "percent"), (1e9, "USD")]),
    # a scaled number compared with an amount of money takes its currency (the dateline's dollars, here)
    ("TORONTO, March 3 - Shr 12 cts vs nine cts Net 12.3 mln dlrs vs 9.8 mln",
     [(0.12, "CAD"), (0.09, "CAD"), (12.3e6, "CAD"), (9.8e6, "CAD")]),
    # a scaled number that names nothing after it, after an amount of money in the sentence: the currency was left out
    ("The group lost 3.4 mln stg against a profit of 1.2 mln the year before.", [(3.4e6, "GBP"), (1.2e6, "GBP")]),
    ("Bank notes fell 309.1 mln francs to 24.49 billion, while deposits rose.", [(309.1e6, "CHF"), (24.49e9, "CHF")]),
    ("It earned 265.4 mln dlrs on sales of 1.85 billion in the previous year.", [(265.4e6, "USD"), (1.85e9, "USD")]),
    ("The U.S. spent 26 billion dlrs, Japan 24 billion, and Europe 57 billion.",
     [(26e9, "USD"), (24e9, "USD"), (57e9, "USD")]),
    ("Sales rose 3.8 pct to 720 billion yen from 693 billion.", [(3.8, "percent"), (720e9, "JPY"), (693e9, "JPY")]),
    ("It earned 4.5 mln dlrs, or 45 cts a share, versus a loss of 2.1 mln, or 21 cts.",
     [(4.5e6, "USD"), (0.45, "USD"), (2.1e6, "USD"), (0.21, "USD")]),  # ("a share" counts no shares)
    # currencies named by a word only one country uses, and denominations in the singular after a scale
    ("EBITDA amounts to 7.309 bln skr , and the tax is up to 330 Ecus a tonne .", [(7.309e9, "SEK"), (330, "XEU")]),
    ("It issued a 250 mln guilder bond and a 100 mln Ecu note.", [(250e6, "NLG"), (100e6, "XEU")]),
    ("Revenue was 160 mln zloty , or 5.5 mln Romanian lei .", [(160e6, "PLN"), (5.5e6, "RON")]),
    ("Finland had a 641 mln markka surplus and Spain spent 20 billion pesetas.", [(641e6, "FIM"), (20e9, "ESP")]),
    ("The deficit was 300 mln schillings, or 36 billion European currency units.", [(300e6, "ATS"), (36e9, "XEU")]),
    # francs, crowns and pesos of the country the sentence names
    ("The Paris bourse rose as Peugeot earned 1.2 billion francs.", [(1.2e9, "FRF")]),
    ("Brussels said the Belgian deficit was 400 billion francs.", [(400e9, "BEF")]),
    ("Zurich-based Acme earned 1.2 billion francs.", [(1.2e9, "CHF")]),
    ("Norway's Norsk Hydro earned 1.2 billion crowns.", [(1.2e9, "NOK")]),
    ("Philippine treasury bills worth 3.2 billion pesos were sold.", [(3.2e9, "PHP")]),
    ("They include one billion Ecus in loans and about eight billion pesos seized in the Philippines.",
     [(1e9, "XEU"), (8e9, "PHP")]),
    # a figure and the year-earlier one in brackets (or with the brackets lost), sharing currency and scale
    ("Net sales rose by 26.9 % to EUR 105.8 ( 83.4 ) million .", [(26.9, "percent"), (105.8e6, "EUR"), (83.4e6, "EUR")]),
    ("Operating profit was EUR -3.5 ( +1.2 ) million and EPS EUR 0.25 ( 0.31 ) .",
     [(-3.5e6, "EUR"), (1.2e6, "EUR"), (0.25, "EUR"), (0.31, "EUR")]),
    ("Profit after taxes was EUR 57.7 11.1 million ; EPS were EUR -0.04 -0.06 .",
     [(57.7e6, "EUR"), (11.1e6, "EUR"), (-0.04, "EUR"), (-0.06, "EUR")]),
    ("Investment properties were EUR 2 251.0 ( 1 281.4 ) million .", [(2251e6, "EUR"), (1281.4e6, "EUR")]),
    ("The contracts are usually between Euro 2 and 3 million , the one signed 250 000 Euros .",
     [((2e6, 3e6), "EUR"), (250000, "EUR")]),
    # two figures and one unit after both
    ("Sales and profit rose 12 and 15 pct , with 51 and 42 eur price targets .",
     [(12, "percent"), (15, "percent"), (51, "EUR"), (42, "EUR")]),
    ("All of the additional 5.2 billion mark reduction would come in 1988.", [(5.2e9, "DEM")]),
    # a rate's new level and the old one, the unit written once ("to 7-1/2 from 7-3/4 pct", "to 7.75 pct from 7.50")
    ("The bank cut its prime rate to 7-1/2 from 7-3/4 pct.", [(7.5, "percent"), (7.75, "percent")]),
    ("It lowered its prime rate to 17.75 pct from 18.25, effective tomorrow.", [(17.75, "percent"), (18.25, "percent")]),
    ("Its stake rose to 58 pct from 50 and profit rose to 12 from 10 mln dlrs.",
     [(58, "percent"), (50, "percent"), (12e6, "USD"), (10e6, "USD")]),
    ("Sales were up 8.8 pct from 111,743 and rose four pct from 1985.", [(8.8, "percent"), (4, "percent")]),
    # a compared amount with its scale left out; a change and the level it led to after "by"
    ("Pretax profit rose to EUR 1,019 mn from EUR 1,007 in 2005 .", [(1019e6, "EUR"), (1007e6, "EUR")]),
    ("The unit improved revenues by EUR 3.5 mn to EUR 160.4 mn , costs fell by 5 to 20 pct .",
     [(3.5e6, "EUR"), (160.4e6, "EUR"), ((5, 20), "percent")]),
    ("Turnover was 116.73 billion stg, above the 116.65 billion recorded in January and the 50.92 billion of 1986.",
     [(116.73e9, "GBP"), (116.65e9, "GBP"), (50.92e9, "GBP")]),
]

NOT_MONEY = [
    "He weighed himself in 1987 and ran 5 km.",
    "The PC maker shipped 5 PCs.",
    "Results for Q3 2025 are due on March 5.",
    "Profit was EUR 5 million vs 1.2 million shares outstanding.",  # the shares stay a count
    "The euro was 1.5 percent higher; in 2009, 10 percent more.",
    "The E85 blend and the 3/12 deadline cost not a cent; costs as a percent of sales fell.",
    "Truck sales rose to 14,250 from 12,980, and it sold 3,400 shares; domestic sales were 8,100.",
    "It sold two Australian dollar issues and a 50 mln pound capacity plant; the venture is 50/50 and due 12/31.",
    "Output passed the two million mark and the 3 mln mark.",
    "The 5 mm screws, 3 mil film and 12 cr. hours are no money; nor is half a point in the Dow.",
    "Car sales rose to 1.2 mln from 1.1 mln and it issued 3.1 mln shares.",
    "He had a dollar and half a dollar; a million customers came.",
    "We now expect harvest volumes of $5.9 million to $6.1 million tons.",
    "Sales totaled 929 million pounds of copper; in 2019 dollars the share fell; net orders grew to 4,300.",
    "Trucks meet Euro 5 and 6 standards, we said at COP26.",
    "Its stake in the stock rose to 3/4 of the shares, the exchange said on 3/8; a 50/50 share venture.",
    # a count after an amount of money keeps its noun, or the count noun before it
    "It paid EUR 5 million for 1.2 mln new shares and 3.3 mln Acme shares; Avg shrs 4.1 mln vs 3.9 mln.",
    "It paid EUR 5 million; output was 2.05 mln tons against 3.59 mln previously.",
    "It sold 20 pesos of stamps and 3 crown jewels.",  # pesos of no country named; a crown without a scale
    "Sales passed the two million mark in May; in 1986 and 1987 it earned EUR 5 million ( 2007 ).",
]


def _found(sentence: str) -> list[tuple[float | tuple[float, float], str]]:
    text, _ = normalise(sentence)
    out: list[tuple[float | tuple[float, float], str]] = []
    for q in find_quantities(text):
        if q.kind not in ("money", "percent", "points"):
            continue
        v = q.value
        point = v.point if v.point is not None else (v.low + v.high) / 2
        out.append(((v.low, v.high), v.unit) if v.qualifier.value == "range" else (point, v.unit))
    return out


def _same(a: float | tuple[float, float], b: float | tuple[float, float]) -> bool:
    if isinstance(a, tuple) or isinstance(b, tuple):
        return isinstance(a, tuple) and isinstance(b, tuple) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1.0)


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_quantities(sentence: str, expected: Expected) -> None:
    found = _found(sentence)
    assert len(found) == len(expected), found
    for (value, unit), (want, want_unit) in zip(found, expected, strict=True):
        assert unit == want_unit, found
        assert _same(value, want), found


@pytest.mark.parametrize("sentence", NOT_MONEY)
def test_no_stray_money(sentence: str) -> None:
    found = _found(sentence)
    assert all((unit == "EUR" and _same(v, 5e6)) or unit == "percent" for v, unit in found), found


def test_stated_value_beside_interval() -> None:
    text, _ = normalise("Sales rose about 15 percent to nearly $2 billion.")
    qs = find_quantities(text)
    first, second = (json.loads(json.dumps(q.to_json())) for q in qs)
    assert first["value"]["stated_value"] == 15
    assert first["value"]["low"] < 15 < first["value"]["high"]
    assert second["value"]["stated_value"] == 2e9
    assert second["value"]["high"] == 2e9 and second["value"]["low"] < 2e9


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Its operating loss was $(8.4) million against $(9.9) million.", [(-8.4e6, "USD"), (-9.9e6, "USD")]),
    ("Diluted loss per share was ($0.07), and", [(-0.07, "USD")]),
    ("Profit came to 61.2 billion won (US$45 million) in the quarter.", [(61.2e9, "KRW"), (45e6, "USD")]),
])
def test_accounting_negatives_and_conversions(sentence: str, expected: list[tuple[float, str]]) -> None:
    found = [(round(q.value.low, 6), q.value.unit) for q in find_quantities(sentence)]
    assert found == expected


def test_an_earlier_range_after_from() -> None:
    up = find_quantities("It expects growth of 4% to 6%, up from 2% to 3% previously.")
    assert [(q.value.low, q.value.high) for q in up] == [(4, 6), (2, 3)]
    rise = find_quantities("The rate rose from 2% to 3% in May.")  # the old and the new level
    assert [(q.value.low, q.value.high) for q in rise] == [(2, 2), (3, 3)]


def test_extract_json_gives_every_value_its_stated_number() -> None:
    """Every quantity and every claim value of ``extract --format json`` gives the number as stated beside its
    interval: the hedged number ("about 15 percent": 15), and the middle of a range, also for a range written in two
    units and a range in a table cell."""
    from typer.testing import CliRunner

    from claimgraph.cli import app

    text = ("Acme Inc said revenue was about $7 million in Q1 2025, up about 15 percent, and it sees adjusted EPS of 95 "
            "cents to $1.00 for 2025.\n\n| Metric | Q1 2025 | Q1 2024 |\n|---|---|---|\n| Revenue ($ millions) | 10-12 | 9 |\n")
    out = json.loads(CliRunner().invoke(app, ["extract", "-", "--format", "json"], input=text).stdout)
    values = [q["value"] for q in out["quantities"]] + [c["value"] for c in out["claims"]]
    assert len(out["claims"]) >= 4
    assert all(isinstance(v["stated_value"], float) and v["low"] <= v["stated_value"] <= v["high"] for v in values)
    assert {v["stated_value"] for v in values} >= {7e6, 15.0, 0.975, 11e6}


def test_share_prices_in_eighths_without_the_word_shares() -> None:
    """A move in eighths and the level it led to ("climbed 3-3/4 to 48-3/4"), and a bid and an ask, are share prices
    in a wire story even when the sentence does not say "shares"; a 50/50 venture or a 3/12 date is none."""
    def money(sentence: str) -> list[float]:
        return [q.value.low for q in find_quantities(sentence) if q.kind == "money"]
    assert money("Loral Corp climbed 3-3/4 to 48-3/4 amid rumors.") == [3.75, 48.75]
    assert money("The stock's last bid was 3/8 and last ask 1/2.") == [0.375, 0.5]
    assert money("It formed a 50/50 venture on 3/12 and rose 3 pct.") == []


def test_estimated_as_a_verb_is_no_hedge() -> None:
    from claimgraph.sources.quantities import find_quantities

    (q,) = find_quantities("Analysts had estimated 2.6 billion kronor.")
    assert (q.value.low, q.value.high) == (2.6e9, 2.6e9)
    (q,) = find_quantities("It cost an estimated 2.6 billion kronor.")
    assert q.value.low < 2.6e9 < q.value.high


def test_up_after_a_verb_it_belongs_to_is_no_ceiling() -> None:
    """"go up to", "ticked up to": the level reached, exact; "by up to", "invest up to": a ceiling."""
    from claimgraph.sources.quantities import find_quantities

    def qualifiers(sentence: str) -> list[str]:
        return [q.value.qualifier.value for q in find_quantities(sentence)]
    assert qualifiers("Sales would go up to six billion crowns this year.") == ["exact"]
    assert qualifiers("The jobless rate ticked up to 4.5 pct in May.") == ["exact"]
    assert qualifiers("Profit could rise by up to 10 pct.") == ["at_most"]
    assert qualifiers("It will invest up to 2 billion dlrs.") == ["at_most"]


def test_indian_digit_grouping_after_a_rupee_sign_or_before_crore() -> None:
    from claimgraph.sources.quantities import find_quantities

    # lakh and crore grouping: groups of two before the last three ("1,05,128" is 105,128)
    got = [(q.text, q.value.low, q.value.unit) for q in
           find_quantities("Revenue from operations rose to Rs 1,05,128 crore from Rs 79,611 crore, and the board "
                           "set aside ₹2,50,000 lakh and INR 12,34,567.5 crore.")]
    assert got == [("Rs 1,05,128 crore", 1_051_280_000_000.0, "INR"), ("Rs 79,611 crore", 796_110_000_000.0, "INR"),
                   ("₹2,50,000 lakh", 25_000_000_000.0, "INR"), ("INR 12,34,567.5 crore", 12_345_675_000_000.0, "INR")]
    assert [q.text for q in find_quantities("a capacity of 12,50,000 tonnes")] == []
    # elsewhere two-digit groups are a typo, not lakhs: "Revs 9,31,000 dlrs" is left alone
    assert [q.text for q in find_quantities("Revs 9,31,000 dlrs vs 12.5 mln")] == ["12.5 mln"]


def test_a_conversion_in_brackets_passes_no_currency_on() -> None:
    """"1.2 billion crowns ($113 million) from a loss of 340 million": crowns, the dollars a conversion."""
    from claimgraph.sources.quantities import find_quantities

    got = [(q.text, q.value.unit) for q in find_quantities(
        "swung to an operating profit of 1.2 billion crowns ($113 million) from a loss of 340 million a year earlier")]
    assert got == [("1.2 billion crowns", "SEK"), ("$113 million", "USD"), ("340 million", "SEK")]
    got = [(q.text, q.value.unit) for q in find_quantities("EUR 5.2 million ( $5.6 million ) from 3.1 million")]
    assert got[-1] == ("3.1 million", "EUR")


def test_a_paragraph_or_page_number_opens_no_range() -> None:
    """"(Corrects revenue in paragraph 2 to $4.1 billion, not $4.7 billion)": no range from 2 to $4.1 billion."""
    from claimgraph.sources.quantities import find_quantities

    got = [q.text for q in find_quantities("(Corrects third-quarter revenue figure in paragraph 2 to $4.1 billion, "
                                           "not $4.7 billion)")]
    assert got == ["$4.1 billion", "$4.7 billion"]
    assert [q.text for q in find_quantities("See note 3 to 5 million")] == ["5 million"]
    assert [q.text for q in find_quantities("sales of 2 to 3 million units")] == ["2 to 3 million"]
