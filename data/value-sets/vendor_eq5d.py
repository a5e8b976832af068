#!/usr/bin/env python3
# data/value-sets/vendor_eq5d.py — regenerates the vendored EQ-5D tables in this folder from the
# published tables collected in the eq5d R package (fragla/eq5d, data-raw/, MIT licence), as
# kept in the project's shared reference data. Run: python3 vendor_eq5d.py [DIR_WITH_CSVS]
# Only the UK / England columns are vendored; each output names its source and citation.
import csv, json, os, sys

src = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/reference-data/eq5d"
here = os.path.dirname(os.path.abspath(__file__))
VIA = "fragla/eq5d data-raw/{} column {} (commit bfdc7ca014bda447b38e5f4e68823b9ba4638a02, MIT licence)"

def column(fname, col):
    rows = list(csv.reader(open(os.path.join(src, fname))))
    i = rows[0].index(col)
    return {r[0]: r[i] for r in rows[1:] if r[i] not in ("NA", "")}

def write(name, table):
    with open(os.path.join(here, name + ".json"), "w") as f:
        json.dump(table, f, indent=1, ensure_ascii=False)
        f.write("\n")

# EQ-5D-3L UK TTO (Dolan 1997): the package stores negative contributions; we store decrements.
tto = column("TTO.csv", "UK")
vals = {"constant": -float(tto["AtLeastOne2Or3"]), "n3": -float(tto["AtLeastOne3"])}
for d in ["MO", "SC", "UA", "PD", "AD"]:
    for l in (2, 3):
        vals[f"{d}{l}"] = -float(tto[f"{d}{l}"])
write("eq5d-3l-uk-tto-dolan1997", {
    "format": "cp-table/1", "id": "eq5d-3l-uk-tto-dolan1997",
    "title": "EQ-5D-3L UK time trade-off value set (MVH, Dolan 1997)", "kind": "eq5d_additive",
    "provisional": False, "example": False, "digits": 3, "start": 1,
    "source": {"citation": "Dolan P. Modeling valuations for EuroQol health states. Med Care 1997;35(11):1095-1108.",
               "doi": "10.1097/00005650-199711000-00002", "pmid": "9366889", "via": VIA.format("TTO.csv", "UK")},
    "notes": "index = 1 - constant (if any dimension > 1) - decrements - n3 (if any dimension at level 3); 11111 = 1. Rounded to 3 dp as the eq5d package does.",
    "values": vals})

def vt(col, tid, title, citation, doi, pmid, provisional, notes):
    v = column("VT.csv", col)
    assert v.get("StartValue") == "1", col
    vals = {f"{d}{l}": -float(v[f"{d}{l}"]) for d in ["MO", "SC", "UA", "PD", "AD"] for l in (2, 3, 4, 5)}
    write(tid, {"format": "cp-table/1", "id": tid, "title": title, "kind": "eq5d_additive",
                "provisional": provisional, "example": False, "digits": 3, "start": 1,
                "source": {"citation": citation, "doi": doi, "pmid": pmid, "via": VIA.format("VT.csv", col)},
                "notes": notes, "values": vals})

vt("England", "eq5d-5l-england-devlin2018", "EQ-5D-5L value set for England (Devlin et al. 2018)",
   "Devlin NJ, Shah KK, Feng Y, Mulhern B, van Hout B. Valuing health-related quality of life: An EQ-5D-5L value set for England. Health Econ 2018;27(1):7-22.",
   "10.1002/hec.3564", "28833869", False,
   "Additive, no constant: index = 1 - sum of decrements. NICE (position statement, Oct 2019) does not recommend it for reference-case analyses; see utility_crosswalk.")
vt("UK", "eq5d-5l-uk-rowen2026", "EQ-5D-5L UK value set (Rowen et al. 2026)",
   "Rowen D, Mukuria C, Bray N, et al. A UK value set for the EQ-5D-5L. Value Health 2026 (epub 24 Mar 2026).",
   "10.1016/j.jval.2026.03.008", "41887403", True,
   "PROVISIONAL: single secondary source (eq5d package, 3 dp); whether the paper has more decimals or further terms is unverified. Additive, no constant.")

cw = column("CW.csv", "UK")
assert len(cw) == 3125
write("eq5d-5l-crosswalk-uk-vanhout2012", {
    "format": "cp-table/1", "id": "eq5d-5l-crosswalk-uk-vanhout2012",
    "title": "EQ-5D-5L to 3L crosswalk, UK (van Hout et al. 2012)", "kind": "lookup",
    "provisional": False, "example": False, "digits": 3,
    "source": {"citation": "van Hout B, Janssen MF, Feng YS, et al. Interim scoring for the EQ-5D-5L: mapping the EQ-5D-5L to EQ-5D-3L value sets. Value Health 2012;15(5):708-715. Table published by the EuroQol Research Foundation (EQ-5D-5L Crosswalk Index Value Calculator).",
               "doi": "10.1016/j.jval.2012.02.008", "pmid": "22867780", "via": VIA.format("CW.csv", "UK")},
    "notes": "Lookup from a 5L profile (MO SC UA PD AD) to an index on the UK 3L value set; NICE position statement (2019) recommends it for reference-case analyses.",
    "values": {k: float(v) for k, v in cw.items()}})
print("written")
