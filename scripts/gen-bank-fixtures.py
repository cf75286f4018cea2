#!/usr/bin/env python3
"""Writes the generated bank statements of tests/fixtures/bank.{ofx,qif,csv}/ (formats.md
section 17): a made-up person living around La Rochelle (OFX, QIF, the Débit/Crédit CSV) or in
Paris (the signed-amount CSV). Account numbers are fake. Run from the repository root; the
output is deterministic (fixed seeds)."""

import random
from datetime import date, timedelta

OUT = "tests/fixtures"


def month_days(year, month):
    start = date(year, month, 1)
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return [start + timedelta(d) for d in range((nxt - start).days)]


def life(seed, months, town, extra_town, card_fmt):
    """Transactions (day, cents, label) for `months` [(year, month)]."""
    rnd = random.Random(seed)
    out = []

    def card(day, merchant, place=None, compact=False):
        d = day - timedelta(rnd.choice([0, 1, 1, 2]))  # the card's day, before posting
        if compact:
            return f"PAIEMENT CB {d.day:02}{d.month:02} {merchant}"
        return card_fmt.format(m=merchant, d=f"{d.day:02}/{d.month:02}", t=town if place is None else place).strip()

    for (y, m) in months:
        days = month_days(y, m)
        dd = lambda n: days[min(n, len(days)) - 1]
        out.append((dd(2), -72000, "VIR SEPA LOYER M DURAND"))
        out.append((dd(5), -1999, "PRLV SEPA FREE MOBILE ECH/%02d%02d%02d ID EMETTEUR/FR12ZZZ123456" % (5, m, y % 100)))
        out.append((dd(8), -2999, "PRLV SEPA FREE TELECOM FREEBOX"))
        out.append((dd(10), -7800, "PRLV SEPA TOTALENERGIES ELECTRICITE ET GAZ"))
        out.append((dd(12), -1349, card(dd(12), "NETFLIX.COM", "")))
        out.append((dd(15), -20000, "VIR SEPA EPARGNE LIVRET A"))
        out.append((dd(27), 245000, "VIR SEPA SALAIRE ACME SAS"))
        out.append((dd(rnd.randint(3, 6)), -rnd.choice([4000, 6000]), f"RETRAIT DAB {dd(4).day:02}/{m:02} {town}"))
        for week in range(4):
            day = dd(week * 7 + rnd.randint(1, 7))
            out.append((day, -rnd.randint(2500, 9500), card(day, "CARREFOUR MARKET")))
        if rnd.random() < 0.8:
            day = dd(rnd.randint(10, 25))
            out.append((day, -rnd.randint(6000, 14000), card(day, "LECLERC", extra_town)))
        for _ in range(2):
            day = dd(rnd.randint(1, 28))
            out.append((day, -rnd.randint(5500, 7500), card(day, "TOTALENERGIES", compact=True)))
        for _ in range(rnd.randint(1, 3)):
            day = dd(rnd.randint(1, 28))
            out.append((day, -rnd.randint(1400, 4800), card(day, rnd.choice(["LE BISTROT DU PORT", "CREPERIE LA BOLEE", "MCDONALDS"]))))
        if rnd.random() < 0.6:
            day = dd(rnd.randint(1, 28))
            out.append((day, -rnd.choice([250, 400, 650]), card(day, "PARKING INDIGO")))
        if rnd.random() < 0.4:
            day = dd(rnd.randint(1, 28))
            out.append((day, -rnd.choice([1080, 1250, 2340]), card(day, rnd.choice(["PEAGE APRR", "VINCI AUTOROUTES"]), "")))
        if rnd.random() < 0.5:
            day = dd(rnd.randint(1, 28))
            out.append((day, -rnd.randint(800, 3500), card(day, "PHARMACIE DU MARCHE")))
            out.append((day + timedelta(9), rnd.randint(500, 2000), "VIR CPAM CHARENTE MARITIME"))
        if rnd.random() < 0.4:
            day = dd(rnd.randint(1, 28))
            out.append((day, -rnd.randint(2000, 9000), card(day, "SNCF INTERNET", "")))
        if rnd.random() < 0.3:
            day = dd(rnd.randint(1, 28))
            out.append((day, -rnd.randint(1500, 12000), card(day, "DECATHLON", "PUILBOREAU")))
        if rnd.random() < 0.3:
            day = dd(rnd.randint(1, 28))
            out.append((day, -rnd.choice([1050, 2100]), card(day, "CINEMA CGR")))
    out.sort(key=lambda t: (t[0], t[2]))
    return out


def money(cents, comma=True, plus=False):
    s = f"{abs(cents) // 100}.{abs(cents) % 100:02}"
    if comma:
        s = s.replace(".", ",")
    sign = "-" if cents < 0 else ("+" if plus else "")
    return sign + s


def ofx_bank():
    months = [(2024, m) for m in range(1, 13)]
    tx = life(1, months, "LA ROCHELLE", "PERIGNY", "CB {m} {d} {t}")
    rows = []
    for i, (day, cents, label) in enumerate(tx):
        kind = "POS" if label.startswith(("CB ", "PAIEMENT CB")) else ("ATM" if label.startswith("RETRAIT") else ("CREDIT" if cents > 0 else "DEBIT"))
        memo = f"\n<MEMO>{label}</MEMO>" if len(label) > 32 else ""
        rows.append(
            f"<STMTTRN>\n<TRNTYPE>{kind}</TRNTYPE>\n<DTPOSTED>{day:%Y%m%d}</DTPOSTED>\n"
            f"<TRNAMT>{money(cents, comma=False)}</TRNAMT>\n<FITID>2024{i:06}</FITID>\n"
            f"<NAME>{label[:32]}</NAME>{memo}\n</STMTTRN>"
        )
    text = f"""<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<?OFX OFXHEADER="200" VERSION="220" SECURITY="NONE" OLDFILEUID="NONE" NEWFILEUID="NONE"?>
<OFX>
<SIGNONMSGSRSV1>
<SONRS>
<STATUS><CODE>0</CODE><SEVERITY>INFO</SEVERITY></STATUS>
<DTSERVER>20250102083000</DTSERVER>
<LANGUAGE>FRA</LANGUAGE>
</SONRS>
</SIGNONMSGSRSV1>
<BANKMSGSRSV1>
<STMTTRNRS>
<TRNUID>20250102083000</TRNUID>
<STATUS><CODE>0</CODE><SEVERITY>INFO</SEVERITY></STATUS>
<STMTRS>
<CURDEF>EUR</CURDEF>
<BANKACCTFROM>
<BANKID>17906</BANKID>
<BRANCHID>00032</BRANCHID>
<ACCTID>98765432100</ACCTID>
<ACCTTYPE>CHECKING</ACCTTYPE>
</BANKACCTFROM>
<BANKTRANLIST>
<DTSTART>20240101</DTSTART>
<DTEND>20241231</DTEND>
{chr(10).join(rows)}
</BANKTRANLIST>
<LEDGERBAL>
<BALAMT>1843.27</BALAMT>
<DTASOF>20241231</DTASOF>
</LEDGERBAL>
</STMTRS>
</STMTTRNRS>
</BANKMSGSRSV1>
</OFX>
"""
    open(f"{OUT}/bank.ofx/releve_2024.ofx", "w", encoding="utf-8", newline="\n").write(text)


def ofx_card():
    rnd = random.Random(2)
    rows = []
    day = date(2024, 7, 1)
    places = [("CARREFOUR MARKET", "LA ROCHELLE"), ("TOTALENERGIES", "AYTRE"), ("PARKING INDIGO", "LA ROCHELLE"),
              ("PEAGE APRR", ""), ("LE BISTROT DU PORT", "LA ROCHELLE"), ("AMAZON PAYMENTS", ""), ("FNAC", "LA ROCHELLE")]
    i = 0
    while day < date(2025, 1, 1):
        merchant, town = rnd.choice(places)
        cents = -rnd.randint(300, 9000)
        label = f"CB {merchant} {day.day:02}/{day.month:02} {town}".strip()
        if len(label) > 32:  # NAME holds 32 characters: the town is left out
            label = f"CB {merchant} {day.day:02}/{day.month:02}"
        hour = rnd.randint(8, 20)
        rows.append(
            f"<STMTTRN><TRNTYPE>POS<DTPOSTED>{day:%Y%m%d}{hour:02}{rnd.randint(0, 59):02}00[+1:CET]"
            f"<TRNAMT>{money(cents)}<FITID>C{i:05}<NAME>{label[:32]}</STMTTRN>"
        )
        if day.day == 3:
            rows.append(f"<STMTTRN><TRNTYPE>POS<DTPOSTED>{day:%Y%m%d}<TRNAMT>-11,12<FITID>S{i:05}<NAME>CB SPOTIFY P2B4 {day.day:02}/{day.month:02}</STMTTRN>")
        day += timedelta(rnd.randint(1, 5))
        if day.day < 3 <= (day + timedelta(0)).day:
            pass
        i += 1
    # Spotify on the 3rd of each month (added when a payment falls on the 3rd, else here).
    have = {r[r.index("<DTPOSTED>") + 10:r.index("<DTPOSTED>") + 16] for r in rows if "SPOTIFY" in r}
    for m in range(7, 13):
        if f"2024{m:02}" not in have:
            rows.append(f"<STMTTRN><TRNTYPE>POS<DTPOSTED>2024{m:02}03<TRNAMT>-11,12<FITID>S2{m:03}<NAME>CB SPOTIFY P2B4 03/{m:02}</STMTTRN>")
    rows.sort(key=lambda r: r[r.index("<DTPOSTED>") + 10:r.index("<DTPOSTED>") + 18])
    text = ("OFXHEADER:100\r\nDATA:OFXSGML\r\nVERSION:102\r\nSECURITY:NONE\r\nENCODING:USASCII\r\nCHARSET:1252\r\n"
            "COMPRESSION:NONE\r\nOLDFILEUID:NONE\r\nNEWFILEUID:NONE\r\n\r\n"
            "<OFX><SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS><DTSERVER>20250103<LANGUAGE>FRA</SONRS></SIGNONMSGSRSV1>\r\n"
            "<CREDITCARDMSGSRSV1><CCSTMTTRNRS><TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS>\r\n"
            "<CCSTMTRS><CURDEF>EUR<CCACCTFROM><ACCTID>4974XXXXXXXX1234</CCACCTFROM>\r\n"
            "<BANKTRANLIST><DTSTART>20240701<DTEND>20241231\r\n"
            + "\r\n".join(rows)
            + "\r\n</BANKTRANLIST><LEDGERBAL><BALAMT>-612,40<DTASOF>20241231</LEDGERBAL></CCSTMTRS></CCSTMTTRNRS></CREDITCARDMSGSRSV1></OFX>")
    open(f"{OUT}/bank.ofx/carte_2024.ofx", "w", encoding="cp1252", newline="").write(text)


def qif():
    rnd = random.Random(3)
    recs = []
    cats = {
        "CARREFOUR MARKET": "Alimentation:Courses", "Boulangerie Léa": "Alimentation:Courses",
        "Café de la Paix": "Restaurants", "Pharmacie Santé Plus": "Santé:Pharmacie",
        "TotalEnergies Aytré": "Voiture:Carburant", "Cinéma CGR": "Loisirs:Cinéma",
    }
    for m in range(3, 11):
        recs.append((date(2024, m, 5), -1999, "Free Mobile", "Téléphone", None))
        recs.append((date(2024, m, 1), -72000, "Loyer M. Durand", "Logement:Loyer", None))
        recs.append((date(2024, m, 26), 245000, "ACME SAS", "Salaire", None))
        recs.append((date(2024, m, 12), -1349, "Netflix", "Loisirs:Abonnements", None))
        for _ in range(6):
            payee = rnd.choice(list(cats))
            recs.append((date(2024, m, rnd.randint(1, 28)), -rnd.randint(300, 8000), payee, cats[payee], None))
        if m % 3 == 0:
            # A split: groceries and a gift in one receipt.
            a, b = rnd.randint(3000, 6000), rnd.randint(1000, 3000)
            recs.append((date(2024, m, 20), -(a + b), "Hyper U Périgny", "Alimentation:Courses", [("Alimentation:Courses", -a), ("Cadeaux", -b)]))
    recs.sort(key=lambda r: r[0])
    lines = ["!Type:Bank"]
    for d, cents, payee, cat, splits in recs:
        lines += [f"D{d:%d/%m/%Y}", f"T{money(cents)}", "C*", f"P{payee}", f"L{cat}"]
        if payee.startswith("Café"):
            lines.append("MDéjeuner équipe")
        for (sc, sa) in splits or []:
            lines += [f"S{sc}", f"${money(sa)}"]
        lines.append("^")
    open(f"{OUT}/bank.qif/compte_2024.qif", "w", encoding="cp1252", newline="\n").write("\n".join(lines) + "\n")


def csv_debit_credit():
    months = [(2023, m) for m in range(7, 13)] + [(2024, m) for m in range(1, 7)]
    tx = life(4, months, "LA ROCHELLE", "PERIGNY", "CB {m} {d} {t}")
    # The statement ends with the salary of June (a credit, the last column filled).
    tx = [t for t in tx if t[0] <= date(2024, 6, 27)]
    def fr(c):  # 1 234,56
        s = f"{abs(c) // 100:,}".replace(",", " ") + f",{abs(c) % 100:02}"
        return s
    lines = ["Compte courant;FR76 1790 6000 3298 7654 3210 045", "Solde au 30/06/2024;1 843,27",
             "Période du 01/07/2023 au 30/06/2024", "", "Date;Libellé;Débit euros;Crédit euros"]
    for day, cents, label in tx:
        lines.append(f"{day:%d/%m/%Y};{label};{fr(cents) if cents < 0 else ''};{fr(cents) if cents > 0 else ''}")
    open(f"{OUT}/bank.csv/releve_debit_credit.csv", "w", encoding="cp1252", newline="\n").write("\n".join(lines) + "\n")


def csv_signed():
    months = [(2024, m) for m in range(1, 7)]
    tx = life(5, months, "PARIS", "PARIS", "CARTE X4821 {d} {m} {t}")
    tx = [t for t in tx if t[0] <= date(2024, 6, 30)]
    tx.reverse()  # newest first, as many banks list them
    # End with a debit (the last column filled).
    lines = ["Date opération;Date valeur;Libellé;Montant"]
    for day, cents, label in tx:
        lines.append(f"{day:%d/%m/%Y};{day + timedelta(1):%d/%m/%Y};{label};{money(cents)}")
    open(f"{OUT}/bank.csv/releve_montant.csv", "w", encoding="utf-8-sig", newline="\n").write("\n".join(lines) + "\n")


if __name__ == "__main__":
    import os
    for d in ("bank.ofx", "bank.qif", "bank.csv"):
        os.makedirs(f"{OUT}/{d}", exist_ok=True)
    ofx_bank()
    ofx_card()
    qif()
    csv_debit_credit()
    csv_signed()
