"""Node's test runner over the search client, with the real lunr.js and the real built index."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

from lunr.stop_word_filter import WORDS as STOP_WORDS

from helpers import BUNDLED_CONTENT, ROOT
from site_gen.search import SPELLING_ENDS, SPELLING_STARTS, SPELLING_WORDS, fold, respell, stem
from site_gen.search_forms import same_word

NODE_TESTS = sorted((ROOT / "tests" / "js").glob("*.test.mjs"))
FOLD_SAMPLES = ("Bogotá", "Qhapaq Ñan", "Fundación Salud", "São Paulo", "Zürich", "ﬁnal Ⅻ ½", "İstanbul", "Łódź",
                "Hà Nội", "南京滨江医科大学附属医院", "हिन्दी", "한국어", "서울대학교병원", "covid19病房 院", "がくせい ガクセイ",
                "โรงพยาบาล", "𠀀𠀁𠀂", "北京・協和", "0ក covid19病 x病y", "Ελλάδα", "covid-19, 2,600 m", "O'Brien",
                "Children's", "GUATEMALA’S", "x_'s 1990's 's ’s", "Zürich's Ñan’s 病院's",
                "U.K. U.S.A. e.g. i.e., a.b.c. x.U.K Ph.D. 3.5 A.1 Ü.K. u.k.x", "U.S. u.s Ú.S. U.S.x (U.S.) us U.S.-based", "É.K. e\u0301.k. éa.b a.b\u0301c www.a.org ａ.ｂ.",
                # British spellings: each rule where it applies and where it must not (inside a word, before a letter)
                *(f"{start}x x{start} {start.upper()}ix Ü{start}" for start in SPELLING_STARTS),
                *(f"x{end} {end}x x{end}É 1{end}" for end in SPELLING_ENDS),
                *(f"{word} {word}s x{word} {word.title()}'s ñ{word}" for word in SPELLING_WORDS),
                "Paediatric Centre: haematology, anaemias; +paediatrics title:centre")


def parity_cases() -> dict[str, dict[str, str]]:
    """Folded texts, stems and stop words from the Python index builder, for the Node side to match."""
    texts = [path.read_text(encoding="utf-8") for path in sorted(BUNDLED_CONTENT.rglob("*.md"))]
    words = sorted({word for text in texts for word in fold(text).split()})
    titles = [line.removeprefix("title: ") for text in texts for line in text.splitlines() if line.startswith("title: ")]
    by_stem: dict[str, list[str]] = {}
    for word in words:
        by_stem.setdefault(stem(word), []).append(word)
    pairs = [(a, b) for group in by_stem.values() for a in group for b in group if a < b]
    return {
        "fold": {text: " ".join(map(respell, fold(text).split())) for text in (*FOLD_SAMPLES, *titles)},  # as indexed
        "stems": {word: stem(word) for word in words},
        "stopWords": sorted(STOP_WORDS),
        # Every two words of one stem, and whether they are one word (search_forms.same_word; sameWord in search-query.js).
        "sameWord": [[a, b, same_word(a, b)] for a, b in pairs],
    }


def test_node_search_suites(built_site: Path, tmp_path: Path) -> None:
    parity = tmp_path / "parity.json"
    parity.write_text(json.dumps(parity_cases(), ensure_ascii=False), encoding="utf-8")
    env = {**os.environ, "SEARCH_SITE": str(built_site), "SEARCH_BASE_PATH": "/catalog/", "SEARCH_PARITY": str(parity)}
    result = subprocess.run(
        ["node", "--test", *map(str, NODE_TESTS)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )
    failures = [line for line in result.stdout.splitlines() if line.lstrip().startswith("not ok")]
    assert result.returncode == 0, "\n".join(failures) + "\n" + result.stdout[-4000:] + result.stderr[-2000:]
    passed = re.search(r"^# pass (\d+)$", result.stdout, re.MULTILINE)
    assert passed is not None and int(passed.group(1)) >= 40, result.stdout[-2000:]
