class PSL:
    def __init__(self, path):
        self.rules=set(); self.exc=set(); self.wild=set()
        for l in open(path, encoding='utf-8'):
            l=l.strip()
            if not l or l.startswith('//'): continue
            l=l.split()[0]
            if l.startswith('!'): self.exc.add(l[1:])
            elif l.startswith('*.'): self.wild.add(l[2:])
            else: self.rules.add(l)
    def suffix_len(self, labels):
        # returns number of labels in public suffix
        n=len(labels); best=1
        for i in range(n):
            cand='.'.join(labels[i:])
            if cand in self.exc: return n-i-1
            if cand in self.rules: best=max(best,n-i)
            if i+1<n and '.'.join(labels[i+1:]) in self.wild: best=max(best,n-i)
        return best
    def etld1(self, d):
        labels=d.split('.')
        s=self.suffix_len(labels)
        if s>=len(labels): return None
        return '.'.join(labels[-(s+1):])
