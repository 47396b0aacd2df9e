#!/usr/bin/env bash
# Imports every test text of Tests/LegalCorpusTests/Texts with `jianzheng corpus import` (each with the flags its
# text does not answer) and validates the documents against the official OASIS Akoma Ntoso 3.0 schema.
# Usage: scripts/check-imports.sh [OUT_DIR]   (default: a temporary directory)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-$(mktemp -d)}"
mkdir -p "$out"
texts=Tests/LegalCorpusTests/Texts
jz() { swift run -q jianzheng "$@"; }
jz corpus import "$texts/法律-某某服务法.txt" --issuer 全国人民代表大会常务委员会 --out "$out/law.xml"
jz corpus import "$texts/行政法规-某某管理条例.txt" --out "$out/regulation.xml"
jz corpus import "$texts/地方性法规-某省某某条例.txt" --rank local-regulation --issuer 某省人民代表大会常务委员会 \
    --promulgated 2016-09-29 --territory CN-99 --territory-name 某省 --out "$out/local-regulation.xml"
jz corpus import "$texts/部门规章-某某办法.txt" --rank departmental-rule --issuer 某部 --out "$out/departmental-rule.xml"
jz corpus import "$texts/规范性文件-某省证明事项通知.txt" --rank normative-document --issuer 某省人民政府办公厅 \
    --promulgated 2021-03-01 --effective 2021-03-01 --territory CN-99 --territory-name 某省 --out "$out/normative-document.xml"
jz corpus import "$texts/国务院决定-取消证明事项.txt" --rank state-council-decision --issuer 国务院 \
    --promulgated 2019-01-20 --effective 2019-01-20 --out "$out/state-council-decision.xml"
# The amended text, as a new version of the regulation: the change is printed article by article.
jz corpus import "$texts/行政法规-某某管理条例-修订.txt" --version-of "$out/regulation.xml" --effective 2019-03-02 \
    --out "$out/regulation-2019.xml"
python3 scripts/validate-akn.py "$out"
