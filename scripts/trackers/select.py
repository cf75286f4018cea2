import json, collections, sys
from psl import PSL
from parse_abp import parse
P=PSL('psl.dat')
cands=json.load(open('all_cands.json'))
m=json.load(open('mentions.json'))
EP,_=parse('easyprivacy.txt')
sec=collections.defaultdict(set)
for s,d,o in EP: sec[d].add(s.replace('easyprivacy_',''))
WCO={}
for l in open('wtm_dump.tsv'):
    _d,_cat,_tid,_co,_n=l.rstrip('\n').split('\t'); WCO[_d]=_co
def group(d,c):
    t=c['tier']
    if t==1: return 1
    if t==2: return 2
    if t==4: return 5.5 if WCO.get(d) else 11
    if t==3:
        ss=sec.get(d,set())
        if c['src']=='easylist' or ss & {'trackingservers','trackingservers_thirdparty'}: return 4
        if 'thirdparty' in ss: return 5 if m.get(P.etld1(d) or d,0)>=2 else 7
        return 8   # trackingservers_general
    if t==5: return 9
    if t==6: return 6 if m.get(P.etld1(d) or d,0)>=2 else 10
GROUPS={1:'WhoTracks.me tracking categories, still targeted by EasyList/EasyPrivacy',
 2:'EasyPrivacy/EasyList whole-domain rules on a registrable domain known to WhoTracks.me',
 5.5:'WhoTracks.me tracking categories not targeted by the 2025 lists, with a named company',11:'WhoTracks.me tracking categories not targeted by the 2025 lists, no company',
 4:'EasyPrivacy trackingservers + trackingservers_thirdparty; EasyList adservers corroborated by EasyPrivacy',
 5:'EasyPrivacy thirdparty endpoints whose registrable domain has >=2 rules in the lists',
 6:'EasyPrivacy international sections, registrable domain with >=2 rules',
 7:'EasyPrivacy thirdparty endpoints, 1 rule',8:'EasyPrivacy trackingservers_general',9:'EasyPrivacy notifications',10:'EasyPrivacy international, 1 rule'}
def parent_listed(d,S):
    p=d.split('.'); return any('.'.join(p[i:]) in S for i in range(1,len(p)-1))
def dedupe(sel):
    S=set(sel); return {d:c for d,c in sel.items() if not parent_listed(d,S)}
def render(sel):
    return ''.join(f"{d}\t{c['company']}\t{c['category']}\n" for d,c in sorted(sel.items()))
MAXN=int(sys.argv[1]) if len(sys.argv)>1 else 4000; MAXB=120*1024 - 4500  # leave room for header
by=collections.defaultdict(dict)
for d,c in cands.items(): by[group(d,c)][d]=c
sel={}; used=[]
for g in sorted(by):
    trial=dict(sel); trial.update(by[g]); trial=dedupe(trial)
    b=len(render(trial).encode())
    print(g, GROUPS[g], len(by[g]), '->', len(trial), b, file=sys.stderr)
    if len(trial)>MAXN or b>MAXB: break
    sel=trial; used.append(g)
json.dump({'sel':sel,'used':used,'groups':GROUPS}, open('selected.json','w'))
print(len(sel), len(render(sel).encode()), used, file=sys.stderr)
