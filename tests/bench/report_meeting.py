#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""report_meeting.py — a 4-case meeting for tests/bench/report_bench.

Prints a YAML record file (doc/records.md) with one meeting of four cases
on the shipped forms (toyoake_case_sheet, adl_toyoake, case_plan): the
cases of tests/data/report/meeting.yaml made fuller — every one of the 18
grid rows rated, four issues, three goals, six pieces of advice, five
actions and two regional issues per case — so the summary is as long as a
real meeting's gets.  Imported into the reference data set it is the
meeting the benchmark renders.  The output is always the same.
"""
import sys

MEETING_ID = "b3a1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
ROWS = ['indoor_walk', 'outdoor_walk', 'outing', 'toileting', 'eating', 'bathing', 'dressing',
        'cleaning', 'laundry', 'shopping', 'cooking', 'tidying', 'rubbish', 'clinic',
        'medication', 'money', 'telephone', 'social']
PERSONAL = ['腰痛のため長く立てない', '下肢筋力の低下', '外出への不安', '物忘れが増えた',
            '意欲の低下', '膝の痛み']
ENVIRON = ['スーパーまで800m、途中に坂道', '浴室に手すりがない', '誘う人がいない',
           'バス停まで遠い', '家族が日中不在', '段差が多い']
PROFESSIONS = ['pt', 'ot', 'pharmacist', 'dietitian', 'dental_hygienist', 'sc']


def q(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


def case(n, out):
    code = 'RB-2025-%03d' % (n + 1)
    out.append('      - person: %s\n        presenter: 担当ケアマネ%d\n        records:\n' % (code, n + 1))
    out.append('          - form: toyoake_case_sheet\n            answers:\n')
    out.append('              case_no: "%d"\n              conference_date: 2025-06-12\n' % (n + 1))
    out.append('              age: %d\n              sex: %s\n' % (78 + n * 3, 'F' if n % 2 == 0 else 'M'))
    out.append('              care_level: %s\n              previous_care_level: shien1\n'
               % ['shien2', 'kaigo1', 'shien1', 'kaigo2'][n])
    out.append('              household: %s\n' % q('独居。長女が市外に住み、月に1回訪問する。近所の友人が週1回様子を見に来る'))
    out.append('              desired_life: %s\n' % q('「また一人でスーパーへ買い物に行って、帰りに友だちとお茶を飲みたい。畑の世話も続けたい」'))
    out.append('          - form: adl_toyoake\n            answers:\n              adl:\n')
    for i, row in enumerate(ROWS):
        before = 1 + (i + n) % 6
        after = max(1, before - (i % 3))
        out.append('                %s: {before: %d, after: %d, personal: %s, environmental: %s}\n'
                   % (row, before, after, q(PERSONAL[(i + n) % 6]), q(ENVIRON[(i * 5 + n) % 6])))
    out.append('          - form: case_plan\n            answers:\n')
    out.append('              consult_point: 買い物に一人で行けるようになるための支援を検討したい\n')
    out.append('              issues:\n')
    for i in range(4):
        out.append('                - {demand: %s, need: %s, category: mobility}\n'
                   % (q('困り事その%dについてご本人の言葉で書いたもの' % (i + 1)),
                      q('屋外を10分以上続けて歩ける体力をつけ、週%d回以上外出する' % (i + 1))))
    out.append('              advice:\n')
    for i, prof in enumerate(PROFESSIONS):
        out.append('                - {profession: %s, issue: "%d", text: %s}\n'
                   % (prof, 1 + i % 4, q('前かがみで腰痛が軽くなるため、シルバーカーを使えば連続歩行が延びる。'
                                         '自宅でできる体操を1日10分、まず2週間続けてみましょう（助言%d）' % (i + 1))))
    out.append('              goals:\n')
    for i, (h, m) in enumerate([('long', 12), ('short', 3), ('short', 6)]):
        out.append('                - {horizon: %s, months: %d, wording: %s, indicator: %s, issue: "%d"}\n'
                   % (h, m, q('一人でスーパーへ買い物に行き、友だちとお茶を飲む（目標%d）' % (i + 1)),
                      q('月2回以上の買い物'), 1 + i))
    out.append('              actions:\n')
    for i in range(5):
        out.append('                - {who: %s, what: %s, due: 2025-0%d-%02d, status: todo}\n'
                   % (q(['ケアマネジャー', '通所型サービスC（PT）', '生活支援コーディネーター', 'ご本人', '長女'][i]),
                      q('役割分担その%d：福祉用具の貸与を調整し、屋外歩行の練習を週1回行う' % (i + 1)),
                      7 + i % 3, 10 + i))
    out.append('              followup_date: 2025-09-11\n')
    out.append('              regional_issues:\n')
    out.append('                - {statement: 坂道の途中に休める場所（ベンチ）がない, policy: resources, area: 北部圏域}\n')
    out.append('                - {statement: %s, policy: cooperation}\n' % q('服薬管理を支える仕組みがない（事例%d）' % (n + 1)))


def main():
    out = ['kaigi: records\nversion: 1\npeople:\n']
    for n in range(4):
        out.append('  - {code: RB-2025-%03d, initials: %s, age_band: 80-84, sex: %s}\n'
                   % (n + 1, ['H.Y.', 'K.T.', 'S.M.', 'A.N.'][n], 'F' if n % 2 == 0 else 'M'))
    out.append('meetings:\n  - id: %s\n    template: independence_support\n' % MEETING_ID)
    out.append('    title: 令和7年度 第3回 自立支援型地域ケア個別会議（ベンチマーク）\n')
    out.append('    date: 2025-06-12\n    start: "13:30"\n    end: "15:00"\n    place: 市役所 3階 会議室\n')
    out.append('    purpose: 多職種の視点から、ご本人の望む暮らしの実現に向けた課題と支援方法を検討する\n')
    out.append('    target: 4事例それぞれについて、解決すべき課題と役割分担を合意する\n')
    out.append('    participants:\n')
    for i, role in enumerate(['facilitator', 'presenter', 'presenter', 'centre', 'physician', 'pharmacist',
                              'rehab', 'rehab', 'dietitian', 'dental_hygienist', 'sc', 'municipal']):
        out.append('      - {name: 参加者%d, organisation: 所属%d, role: %s}\n' % (i + 1, i % 5 + 1, role))
    out.append('    cases:\n')
    for n in range(4):
        case(n, out)
    sys.stdout.write(''.join(out))


if __name__ == '__main__':
    main()
