#!/usr/bin/env python3
"""Builds evaluation-set.json from specialities.tsv: one demand per speciality, five providers written around it,
and graded judgements that follow from what each text is about (never from the engine's output).

Per speciality i (field F, terms T, sibling speciality j = the next one sharing F's area):
  a  exact expert, demand's language, same city                       -> grade 3 for demand i
  b  exact expert, bilingual profile, another region (cross-region)   -> grade 3 for demand i
  c  adjacent: half of T and half of j's terms, same region           -> grade 2 for i, 1 for j
  d  j's topic, tagged with field F (same field, different problem)   -> grade 1 for i, 3 for j
  e  trap with T's full text: affiliated with the enterprise (i%3==0), at full capacity (i%3==1) or declaring a
     conflict with it (i%3==2): must never be proposed
Any other provider whose field equals F gets grade 1 for demand i; everything else is 0.
Run: python3 build_set.py > evaluation-set.json
"""
import json
import sys

CITIES = [("XIANNING", "MIDDLE_YANGTZE"), ("CHENGDU", "CHENGDU_CHONGQING"), ("SHENZHEN", "GREATER_BAY_AREA"),
          ("BEIJING", "BEIJING_TIANJIN_HEBEI"), ("JIAXING", "YANGTZE_RIVER_DELTA"), ("QUANZHOU", "WEST_STRAIT")]
SAME_REGION = {"XIANNING": "WUHAN", "CHENGDU": "MIANYANG", "SHENZHEN": "GUANGZHOU", "BEIJING": "BEIJING",
               "JIAXING": "JIAXING", "QUANZHOU": "QUANZHOU"}
MODES = ["TECHNICAL_CONSULTING", "JOINT_RND", "COMMISSIONED_DEVELOPMENT"]

specs = []
for line in open(sys.argv[1] if len(sys.argv) > 1 else "specialities.tsv", encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    field, en_title, zh_title, en, zh = line.rstrip("\n").split("\t")
    specs.append({"field": field, "en_title": en_title, "zh_title": zh_title,
                  "en": [t.strip() for t in en.split(";")], "zh": [t.strip() for t in zh.split(";")]})


def area(field):
    return field.split(".")[0]


def sibling(i):
    n = len(specs)
    for k in range(1, n):
        j = (i + k) % n
        if specs[j]["field"] == specs[i]["field"]:
            return j
    for k in range(1, n):
        j = (i + k) % n
        if area(specs[j]["field"]) == area(specs[i]["field"]):
            return j
    return (i + 1) % n


def credit_code(i):
    return "91%06dMA%08dX" % (420000 + i, i)


def profile(name, field, skills, keywords, summary, city, capacity=3, affiliation=None, affiliation_code=None,
            conflicts=(), kind="EXPERT"):
    return {"name": name, "kind": kind, "affiliation": affiliation, "affiliationCreditCode": affiliation_code,
            "title": "Professor", "fieldCodes": [field], "skills": skills, "keywords": keywords, "summary": summary,
            "achievements": [], "services": MODES, "cityCode": city, "regionsServed": [], "languages": ["zh", "en"],
            "capacity": capacity, "availability": "AVAILABLE", "availableFrom": None,
            "conflictCreditCodes": list(conflicts), "memberOf": None, "verified": True}


demands, providers, grades = [], [], {}


def grade(d, p, g):
    key = (d, p)
    grades[key] = max(grades.get(key, 0), g)


for i, s in enumerate(specs):
    lang = ["zh", "en", "mixed"][i % 3]
    city = CITIES[i % len(CITIES)][0]
    far_city = CITIES[(i + 3) % len(CITIES)][0]
    j = sibling(i)
    t = specs[j]
    did = "D%02d" % i
    enterprise = {"enterpriseId": "E%02d" % i, "name": "%s Co., Ltd." % s["en_title"], "creditCode": credit_code(i)}
    if lang == "zh":
        title, problems, keywords = s["zh_title"], ["如何解决" + s["zh"][0] + "与" + s["zh"][1] + "问题"], s["zh"][2:]
        outcomes = "形成" + s["zh"][3] + "方案"
    elif lang == "en":
        title, problems, keywords = s["en_title"], ["Improve " + s["en"][0] + " and " + s["en"][1]], s["en"][2:]
        outcomes = "A working " + s["en"][3] + " solution"
    else:
        title, problems, keywords = s["zh_title"], ["解决" + s["zh"][0] + "问题"], s["en"][1:]
        outcomes = "Deliver " + s["en"][3]
    demands.append({"id": did, "enterprise": enterprise, "cityCode": city, "language": lang,
                    "content": {"title": title, "background": "", "keyProblems": problems,
                                "targetOutcomes": outcomes, "fieldCodes": [s["field"]], "keywords": keywords,
                                "cooperationModes": ["JOINT_RND"], "budget": {"minCny": 100000, "maxCny": 800000},
                                "deadline": "2027-12-31", "visibility": "PUBLIC", "industry": None}})
    own_lang = s["en"] if lang == "en" else s["zh"]
    pa = ("P%02da" % i, profile("Expert %02d-a" % i, s["field"], own_lang[:2], own_lang[2:],
                                 "; ".join(own_lang) + (("; " + "; ".join(s["en"])) if lang == "mixed" else ""),
                                 city, affiliation="Institute A%02d" % i), 0)
    pb = ("P%02db" % i, profile("Expert %02d-b" % i, s["field"], s["en"], [],
                                 "专注于" + "、".join(s["zh"]), far_city, affiliation="University B%02d" % i), 0)
    pc = ("P%02dc" % i, profile("Expert %02d-c" % i, s["field"], s["en"][:2] + t["en"][2:],
                                 s["zh"][:2] + t["zh"][2:], s["en_title"] + " and " + t["en_title"],
                                 SAME_REGION[city], affiliation="Lab C%02d" % i), 0)
    pd = ("P%02dd" % i, profile("Expert %02d-d" % i, s["field"], t["en"], t["zh"], t["en_title"] + "；" + t["zh_title"],
                                 city, affiliation="Lab D%02d" % i), 0)
    trap_kind = i % 3
    if trap_kind == 0:
        trap = profile("Expert %02d-e" % i, s["field"], s["en"], s["zh"], s["en_title"], city,
                       affiliation=enterprise["name"], affiliation_code=enterprise["creditCode"])
        engaged = 0
    elif trap_kind == 1:
        trap = profile("Expert %02d-e" % i, s["field"], s["en"], s["zh"], s["en_title"], city, capacity=2)
        engaged = 2
    else:
        trap = profile("Expert %02d-e" % i, s["field"], s["en"], s["zh"], s["en_title"], city,
                       conflicts=[enterprise["creditCode"]])
        engaged = 0
    pe = ("P%02de" % i, trap, engaged)
    for pid, prof, eng in (pa, pb, pc, pd, pe):
        providers.append({"id": pid, "topic": i, "profile": prof, "activeEngagements": eng})
    grade(did, pa[0], 3)
    grade(did, pb[0], 3)
    grade(did, pc[0], 2)
    grade("D%02d" % j, pc[0], 1)
    grade(did, pd[0], 1)
    grade("D%02d" % j, pd[0], 3)
    grade(did, pe[0], 3)

for d in demands:
    for p in providers:
        if p["profile"]["fieldCodes"] == d["content"]["fieldCodes"]:
            grade(d["id"], p["id"], 1)

judgements = [{"demandId": d, "providerId": p, "grade": g} for (d, p), g in sorted(grades.items()) if g > 0]
json.dump({"about": __doc__.strip().splitlines()[0], "demands": demands,
           "providers": [{"id": p["id"], "profile": p["profile"], "activeEngagements": p["activeEngagements"]}
                         for p in providers],
           "judgements": judgements}, sys.stdout, ensure_ascii=False, indent=1)
