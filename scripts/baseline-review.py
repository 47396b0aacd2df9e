#!/usr/bin/env python3
"""The benchmark's baseline (issue 20): the review a plain script would do, on the catalogue the benchmark
generates (its baseline.json), standard library only — dicts, sets and an iterative Tarjan for circular proofs.

It decides every requirement under the generated policy (基准政策) as the engine does: a certificate proving
nothing a licence or ID the procedure requires does not (奇葩), or one a 居委会 may no longer issue, is removed; one without a sufficient basis (none, repealed or the article removed, outside the
territory, a rank that may not set certificates) is removed unless the basis waits for verification; anything a
qualifying data source holds (its items cover what the material proves; the requiring department's own, or
shared unconditionally, or conditionally with an approval in force) is obtained by sharing; a certificate with
commitment terms whose matter is not excluded is replaced by a commitment; the rest is kept.

    python3 scripts/baseline-review.py DIR/baseline.json [--out decisions.jsonl] [--compare jianzheng.jsonl]

With --compare it checks that every verdict agrees with Jianzheng's `review --format jsonl` and exits 1 if not.
"""
import argparse
import json
import sys


def basis_status(basis, acts, date, territory, sufficient):
    if basis is None:
        return "none"
    title, article = basis
    act = acts.get(title)
    if act is None:
        return "pending"
    if act["repealed"] is not None and date >= act["repealed"]:
        return "repealed"
    versions = [v for v in act["versions"] if v["from"] <= date]
    if not versions:
        return "not-yet-in-force"
    current = versions[-1]
    if article > current["articles"]:
        # In an earlier version: removed by the amendment; in none: a provision the corpus lacks.
        return "repealed" if any(article <= v["articles"] for v in act["versions"]) else "pending"
    if act["territory"] != "CN" and not territory.startswith(act["territory"]):
        return "outside-territory"
    return "sufficient" if act["rank"] in sufficient else "rank-insufficient"


def review(data):
    date, territory = data["date"], data["territory"]
    sufficient = {"law", "administrative-regulation", "state-council-decision", "local-regulation", "autonomous-regulation"}
    excluded = {"public-safety", "life-health"}
    prohibited = {"社区居住证明"}
    kinds = data["departments"]
    materials = data["materials"]
    # Sources by one of their items, as an index: a source holds a material when its items cover what it proves.
    sources = data["sources"]
    by_item = {}
    for index, source in enumerate(sources):
        source["item_set"] = set(source["items"])
        for item in source["items"]:
            by_item.setdefault(item, []).append(index)

    def shareable(material, department):
        proves = material["proves"]
        if not proves:
            return False
        wanted = set(proves)
        for index in by_item.get(proves[0], ()):
            source = sources[index]
            if not wanted <= source["item_set"] or source["coverage"] <= 0:
                continue
            if source["provider"] == department or source["sharing"] == "unconditional":
                return True
            if source["sharing"] == "conditional":
                if department in source["approved"]:
                    return True
                if any(a["grantee"] == department and a["from"] <= date < a["until"] for a in source["approvals"]):
                    return True
        return False

    decisions = []
    for procedure in data["procedures"]:
        department = procedure["department"]
        # The licences and IDs the procedure requires: a certificate proving nothing more is absurd (奇葩).
        licences = [(r["material"], set(materials[r["material"]]["proves"])) for r in procedure["requires"]
                    if materials[r["material"]]["kind"] == "licence-or-id"]
        for requirement in procedure["requires"]:
            material = materials[requirement["material"]]
            certificate = material["kind"] == "certificate"
            status = basis_status(requirement["basis"], data["acts"], date, territory, sufficient)
            proves = set(material["proves"])
            absurd = certificate and proves and any(name != requirement["material"] and proves <= held for name, held in licences)
            barred = certificate and requirement["material"] in prohibited and all(kinds.get(i) == "residents-committee" for i in material["issuers"])
            if absurd or barred or (certificate and status not in ("sufficient", "pending")):
                verdict = "remove"
            elif shareable(material, department):
                verdict = "obtain-by-sharing"
            elif certificate and material["commitment"] and not excluded & set(material["concerns"]):
                verdict = "commitment"
            else:
                verdict = "keep"
            decisions.append((procedure["id"], requirement["material"], verdict))
    return decisions


def circular_proofs(data):
    """Strongly connected components of more than one procedure in the issuing graph (iterative Tarjan)."""
    issuer = {}
    for procedure in data["procedures"]:
        for material in procedure.get("issues", []):
            issuer[material] = procedure["id"]
    edges = {p["id"]: [issuer[r["material"]] for r in p["requires"] if r["material"] in issuer and issuer[r["material"]] != p["id"]] for p in data["procedures"]}
    index, low, on_stack, stack, components, counter = {}, {}, set(), [], [], 0
    for root in edges:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, position = work.pop()
            if position == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            successors = edges[node]
            if position < len(successors):
                work.append((node, position + 1))
                successor = successors[position]
                if successor not in index:
                    work.append((successor, 0))
                elif successor in on_stack:
                    low[node] = min(low[node], index[successor])
                continue
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    components.append(component)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return components


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("catalogue")
    parser.add_argument("--out")
    parser.add_argument("--compare")
    arguments = parser.parse_args()
    with open(arguments.catalogue, encoding="utf-8") as file:
        data = json.load(file)
    decisions = review(data)
    cycles = circular_proofs(data)
    if arguments.out:
        with open(arguments.out, "w", encoding="utf-8") as out:
            for procedure, material, verdict in decisions:
                out.write(json.dumps({"procedure": procedure, "material": material, "verdict": verdict}, ensure_ascii=False) + "\n")
    print("baseline: %d decisions, %d circular proofs" % (len(decisions), len(cycles)), file=sys.stderr)
    if arguments.compare:
        theirs = {}
        with open(arguments.compare, encoding="utf-8") as file:
            for line in file:
                record = json.loads(line)
                if "material" in record:
                    theirs[(record["procedure"], record["material"])] = record["verdict"]
        differ = [(p, m, v, theirs.get((p, m))) for p, m, v in decisions if theirs.get((p, m)) != v]
        if differ or len(theirs) != len(decisions):
            for p, m, v, t in differ[:10]:
                print("differs: %s %s baseline %s, jianzheng %s" % (p, m, v, t), file=sys.stderr)
            print("%d of %d verdicts differ (%d decisions in Jianzheng's output)" % (len(differ), len(decisions), len(theirs)), file=sys.stderr)
            sys.exit(1)
        print("every one of the %d verdicts agrees" % len(decisions), file=sys.stderr)


if __name__ == "__main__":
    main()
