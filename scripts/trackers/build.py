import sqlite3, json, collections, re, sys, datetime
from psl import PSL
from parse_abp import parse
from hosts_any import rule_hosts
P = PSL('psl.dat')
ET = P.etld1

# ---------------- WhoTracks.me ----------------
db = sqlite3.connect('wtm/tdb.sqlite')
WTM = {}   # domain -> (category, company, tracker_id)
for d, cat, tid, co, tname in db.execute("""select d.domain, coalesce(cat.name,''), t.id, coalesce(co.name,''), t.name
   from tracker_domains d join trackers t on t.id=d.tracker left join categories cat on cat.id=t.category_id
   left join companies co on co.id=t.company_id"""):
    WTM[d.lower().strip()] = (cat, (co.strip() or tname.strip()), tid)  # company, else tracker name
# company by registrable domain (for attributing EasyPrivacy subdomains), incl. consumer domains
WTM_BY_ET = {}
for d,(cat,co,tid) in WTM.items():
    e = ET(d) or d
    if co and e not in WTM_BY_ET: WTM_BY_ET[e] = (cat, co)
SITES = set(open('wtm_sites.txt').read().split())

# ---------------- filter lists ----------------
EP, _ = parse('easyprivacy.txt')
EL, _ = parse('easylist.txt')
HOSTS_ANY = rule_hosts('easyprivacy.txt') | rule_hosts('easylist.txt')
def corroborated(d):
    if d in HOSTS_ANY: return True
    parts = d.split('.')
    if any('.'.join(parts[i:]) in HOSTS_ANY for i in range(1, len(parts)-1)): return True
    return any(h.endswith('.'+d) for h in HOSTS_ANY)
EP_SECTIONS_CORE = {'easyprivacy_trackingservers','easyprivacy_trackingservers_thirdparty',
                    'easyprivacy_trackingservers_general','easyprivacy_thirdparty'}
EP_SECTIONS_INTL = {'easyprivacy_trackingservers_international','easyprivacy_thirdparty_international'}
EP_SECTIONS_NOTIF = {'easyprivacy_trackingservers_notifications'}
EL_ADSERVER_SECTIONS = {'easylist_adservers','adult_adservers'}
ep_dom = collections.defaultdict(set)
for s,d,o in EP: ep_dom[d].add(s)
el_dom = collections.defaultdict(set)
for s,d,o in EL: el_dom[d].add(s)
EP_ETLDS = {ET(d) for d in ep_dom if ET(d)}

# ---------------- Reflet curation ----------------
DENY = set(open('deny.txt').read().split()) if True else set()
DENY_RE = re.compile(r'^(google|amazon|ebay|yahoo|yandex)\.[a-z.]+$')
def consumer(d):
    return d in SITES or d in DENY or bool(DENY_RE.match(d))
ESSENTIAL_KEEP = json.load(open('essential_keep.json'))   # domain -> category
OVR = json.load(open('overrides.json'))                   # etld1 -> [company, category or ""]
FP = set(OVR.get('_fingerprinting', []))

CATMAP = {'advertising':'advertising','pornvertising':'advertising','site_analytics':'analytics','social_media':'social'}

cands = {}  # domain -> dict(company, category, tier, src)
def add(d, company, category, tier, src):
    d = d.lower().strip('.')
    if re.fullmatch(r'[0-9.]+', d) or '.' not in d: return
    if consumer(d): return
    cur = cands.get(d)
    if cur and cur['tier'] <= tier:
        if not cur['company'] and company: cur['company'] = company
        return
    cands[d] = dict(company=company, category=category, tier=tier, src=src)

# Tier 1: WhoTracks tracking categories, still targeted by EasyList/EasyPrivacy
# Tier 4: WhoTracks tracking categories not targeted anymore
for d,(cat,co,tid) in WTM.items():
    if cat in CATMAP: c = CATMAP[cat]
    elif d in ESSENTIAL_KEEP: c = ESSENTIAL_KEEP[d]
    elif cat and corroborated(d) and (d in ep_dom or d in el_dom):
        # other WhoTracks categories: only if a list blocks the whole domain
        c = 'advertising' if d in el_dom and d not in ep_dom else 'analytics'
    else: continue
    add(d, co, c, 1 if corroborated(d) or d in ESSENTIAL_KEEP else 4, 'wtm')

# EasyPrivacy / EasyList
for d, secs in ep_dom.items():
    e = ET(d)
    known = e in WTM_BY_ET
    if secs & EP_SECTIONS_CORE: tier = 2 if known else 3
    elif secs & EP_SECTIONS_NOTIF: tier = 5
    elif secs & EP_SECTIONS_INTL: tier = 2 if known else 6
    else: continue
    co = WTM_BY_ET[e][1] if known else ''
    if known and WTM_BY_ET[e][0] == 'social_media': cat = 'social'
    elif secs & EP_SECTIONS_NOTIF: cat = 'other'
    elif d in el_dom: cat = 'advertising'
    else: cat = 'analytics'
    add(d, co, cat, tier, 'easyprivacy')
for d, secs in el_dom.items():
    if not (secs & EL_ADSERVER_SECTIONS): continue
    e = ET(d)
    if e in EP_ETLDS or e in WTM_BY_ET:   # corroborated by EasyPrivacy or WhoTracks
        co = WTM_BY_ET[e][1] if e in WTM_BY_ET else ''
        add(d, co, 'advertising', 2 if e in WTM_BY_ET else 3, 'easylist')

# overrides (company names / categories added by Reflet)
for d,c in cands.items():
    e = ET(d) or d
    if e in OVR:
        co, cat = OVR[e]
        if co and not c['company']: c['company'] = co
        if cat: c['category'] = cat
    if d in FP or e in FP: c['category'] = 'fingerprinting'

# parent dedupe
def parent_listed(d, S):
    parts = d.split('.')
    return any('.'.join(parts[i:]) in S for i in range(1, len(parts)-1))
S = set(cands)
final = {d:c for d,c in cands.items() if not parent_listed(d, S)}
json.dump(final, open('final_cands.json','w'))
json.dump(cands, open('all_cands.json','w'))
cnt = collections.Counter(c['tier'] for c in final.values())
print('candidates after dedupe', len(final), sorted(cnt.items()))
