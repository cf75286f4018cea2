import re, sys, collections
RULE = re.compile(r'^\|\|([a-z0-9][a-z0-9.-]*\.[a-z0-9-]+)\^(?:\$(.*))?$')
def parse(path):
    """yield (section, domain, options) for whole-domain network block rules"""
    sec = ''
    out = []
    drop = collections.Counter()
    for line in open(path, encoding='utf-8'):
        line = line.strip()
        if line.startswith('! *** '):
            sec = line.split()[2].split('/')[-1].replace('.txt',''); continue
        if not line or line.startswith('!') or line.startswith('['): continue
        if line.startswith('@@'): drop['exception']+=1; continue
        if '##' in line or '#@#' in line or '#?#' in line or '#$#' in line or '#%#' in line or '#+js' in line:
            drop['cosmetic']+=1; continue
        m = RULE.match(line.lower())
        if not m: drop['path/pattern']+=1; continue
        dom, opts = m.group(1), (m.group(2) or '')
        ol = [o.strip() for o in opts.split(',') if o.strip()]
        if any(o.startswith('domain=') or o in ('~third-party','first-party','1p','badfilter','~3p') or o.startswith('denyallow=') or o.startswith('from=') for o in ol):
            drop['site-specific options']+=1; continue
        out.append((sec, dom, opts))
    return out, drop
if __name__ == '__main__':
    out, drop = parse(sys.argv[1])
    c = collections.Counter(s for s,_,_ in out)
    for k,v in sorted(c.items()): print(v, k)
    print(drop)
