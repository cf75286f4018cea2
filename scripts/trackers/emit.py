import json
J=json.load(open('selected.json')); S=J['sel']
body=''.join(f"{d}\t{c['company']}\t{c['category']}\n" for d,c in sorted(S.items()))
N=len(S)
H=f"""# trackers.tsv - third-party tracking and advertising domains for Reflet's tracker detector.
# Format: domain<TAB>company<TAB>category (advertising|analytics|social|fingerprinting|other); company may be empty.
# Licence: CC-BY-SA-3.0 (Creative Commons Attribution-ShareAlike 3.0 Unported, or at your option any later version). Notices and full text: TRACKERS-LICENCE.md.
# Modified by Reflet: reduced to domains. Extracted 2026-11-29. {N} domains.
# Origin 1: WhoTracks.me tracker database, PyPI package whotracksme 2018.5.17, file whotracksme/data/assets/trackerdb.sql (data/assets/*/global/sites.csv used only to exclude first-party sites).
#   Upstream: https://whotracks.me (https://github.com/cliqz-oss/whotracks.me), (c) Cliqz GmbH. Licence stated in the package: content CC-BY-4.0 (Creative Commons Attribution 4.0), code MIT.
# Origin 2: EasyPrivacy and EasyList, files assets/thirdparties/easylist/easyprivacy.txt and easylist.txt of Debian package webext-ublock-origin-firefox 1.67.0+dfsg-1~deb12u1 (uBlock Origin, https://github.com/gorhill/uBlock).
#   Upstream: https://easylist.to/ (licence: https://easylist.to/pages/licence.html), (c) The EasyList authors. Licence per debian/copyright: GPL-3+ or CC-BY-SA-3.0+ (the CC-BY-SA option is used here).
# Derivation: third-party tracking/advertising domains only. From the lists, only whole-domain blocking rules ||domain^ (with type or third-party options) were used; cosmetic (##), exception (@@) and path/pattern rules,
#   rules limited to given sites (domain=, first-party) and the site-specific sections (easyprivacy_specific*, CNAME-cloaking, Admiral anti-adblock, cryptomining) were dropped.
#   WhoTracks.me categories kept: advertising, pornvertising (->advertising), site_analytics (->analytics), social_media (->social), tag managers/affiliate/fingerprinting from "essential"; other categories only if a list blocks the whole domain.
#   company = WhoTracks.me company (else its tracker name); a subdomain listed by EasyPrivacy takes the company of its registrable domain in WhoTracks.me.
# Excluded: first-party consumer services and their CDNs (facebook.com, fbcdn.net, google.*, youtube.com, instagram.com, twitter.com, amazon.*...): the WhoTracks.me top sites plus a Reflet denylist;
#   tracker subdomains of them that the sources list are kept (e.g. analytics.facebook.com, bat.bing.com, ct.pinterest.com).
# Reflet additions: company/category for AppsFlyer, Adjust, Singular, TikTok, Snap and FingerprintJS domains; category fingerprinting for fpjs.io, fpjscdn.net, online-metrix.net, iesnare.com, iovation.com; category fixes (outbrain.com, bizo.com, bidr.io, push services).
# Size (budget 4,000 domains / 120 KB): groups added in this order while the whole group fits: (1) WhoTracks.me tracking domains still targeted by EasyList/EasyPrivacy; (2) list domains whose registrable domain is in WhoTracks.me;
#   (3) EasyPrivacy trackingservers(_thirdparty) sections, and EasyList adservers whose registrable domain EasyPrivacy also blocks; (4) EasyPrivacy thirdparty endpoints whose registrable domain has >=2 rules;
#   (5) remaining WhoTracks.me tracking domains with a named company. Left out for size: international sections, trackingservers_general, push-notification services, single-rule endpoints.
# Lowercase, sorted, deduplicated; a domain is omitted when a parent domain is listed.
"""
out=H+body
open('trackers-with-companies.tsv','w').write(out)
print(N, len(H.encode()), len(out.encode()))
