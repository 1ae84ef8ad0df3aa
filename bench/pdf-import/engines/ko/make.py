# SPDX-License-Identifier: GPL-3.0-or-later
"""A Korean fixture written for Dossier's tests (our own text), set by
Chromium syllable by syllable (the default) and word by word
(word-break: keep-all), and its ground truth."""
import html, json

TITLE = "대북 제재 완화의 순서와 검증"
AUTHORS = ["김서연"]
DATE = "2025-03-04"
PARAS = [
    "국제사회의 대북 제재 완화 논의가 다시 제기되었다. 전문가들은 검증 가능한 동결이 먼저 이루어져야 한다고 주장하며, 단계적 접근이 필요하다는 의견을 내놓았다. 특히 한국과 일본의 연구자들은 제재 완화의 순서와 검증 절차의 시기를 둘러싼 논쟁이 협상의 성패를 좌우할 것이라고 보았다.",
    "이들은 과거 합의가 무너진 이유로 사찰의 지연과 해석의 차이를 들었으며, 앞으로의 합의문에는 첫 사찰의 날짜를 명시해야 한다고 제안하였다. 정부는 이러한 제안을 검토하고 있으며, 동맹국과의 협의를 거쳐 다음 회담에서 입장을 밝힐 예정이다.",
    "항구와 해상 운송로의 안전도 함께 논의되었다. 보험사들은 위험이 커질수록 보험료를 올려 왔고, 선주들은 출항 시기를 조정하여 대기 시간을 줄이는 방식으로 대응하였다. 이러한 관행은 법으로 정해진 것이 아니라 항만 당국과 보험사, 도선사 사이에서 자연스럽게 자리 잡은 것이다.",
]

def page(keep_all):
    style = ("@page { size: A4; margin: 25mm } body { font-family: 'NanumMyeongjo', serif; font-size: 11pt;"
             " line-height: 1.6; %s } h1 { font-size: 20pt }" % ("word-break: keep-all;" if keep_all else ""))
    body = "".join("<p>%s</p>" % html.escape(p) for p in PARAS)
    return ('<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>%s</title>'
            '<meta name="author" content="%s"><style>%s</style></head><body><h1>%s</h1>'
            '<p>%s</p><p>2025년 3월 4일</p>%s</body></html>'
            % (html.escape(TITLE), AUTHORS[0], style, html.escape(TITLE), AUTHORS[0], body))

open("ko-syllables.html", "w").write(page(False))
open("ko-words.html", "w").write(page(True))
json.dump({"title": TITLE, "subtitle": None, "authors": AUTHORS, "published": DATE,
           "paragraphs": [{"text": p} for p in PARAS], "footnotes": []},
          open("truth.json", "w"), indent=1, ensure_ascii=False)
