import re
HOST = re.compile(r'^\|\|([a-z0-9*][a-z0-9.*-]*)([\^/$*:|]|$)')
def rule_hosts(path):
    """hosts of all blocking network rules starting with || (any path/options), excluding exceptions & cosmetics"""
    hs=set()
    for line in open(path, encoding='utf-8'):
        line=line.strip().lower()
        if not line.startswith('||'): continue
        if '##' in line or '#@#' in line or '#?#' in line or '#$#' in line: continue
        m=HOST.match(line)
        if m and '*' not in m.group(1): hs.add(m.group(1).rstrip('.'))
    return hs
