#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Generate the store's reference data set (design.md, "Performance budgets").

A large city over ten years: ~2,000 meetings, ~50,000 case reviews and
~5 million answers, in kaigi's YAML record format (doc/records.md), one file
per month, against the forms in tests/bench/forms.  Alongside, answers.csv
holds the same answers as plain rows (record_id, field, item, col, value)
for the sqlite3-shell reference import of tests/bench/store_bench.

usage: gen_reference.py OUTDIR [--scale F]

--scale shrinks or grows everything (0.01 for a quick try).  The output is
the same for the same scale: the random generator is seeded.
"""
import os
import random
import sys
import uuid

SURNAMES = '佐藤 鈴木 高橋 田中 伊藤 渡辺 山本 中村 小林 加藤 吉田 山田 佐々木 山口 松本 井上 木村 林 清水 山崎'.split()
GIVEN = 'よし子 ハナ 清 正男 トミ 和子 茂 キヨ 久子 勇 フミ 節子 実 昭 幸子 千代 武 静江 勝 ミツ'.split()
AREAS = ['北部圏域', '南部圏域', '東部圏域', '西部圏域', '中央圏域', '駅前圏域', '山間圏域']
PLACES = ['市役所 3階 会議室', '中央公民館 和室', '地域包括支援センター 相談室', '保健センター 大会議室', '老人福祉センター']
HISTORY = ['高血圧', '糖尿病', '変形性膝関節症', '脳梗塞後遺症', '骨粗しょう症', '心不全', '慢性腎臓病', '白内障', 'パーキンソン病', '腰部脊柱管狭窄症']
MEDS = ['降圧剤', '血糖降下薬', '鎮痛剤（湿布）', '抗凝固薬', '睡眠導入剤', '便秘薬', '骨粗しょう症治療薬']
WISHES = ['また友だちと買い物に行きたい。', '自分の足で畑に行き、野菜を育て続けたい。', '孫の結婚式に出席したい。',
          '住み慣れた家で、できるだけ自分のことは自分でしたい。', 'サロンに通って、みんなとお茶を飲みたい。',
          '一人で銭湯に行けるようになりたい。', '毎朝、神社までの散歩を続けたい。']
VIEWS = ['下肢筋力の低下により外出の機会が減り、閉じこもり傾向にある。', '服薬の管理が難しく、飲み忘れが目立つ。',
         '調理は一部できるが、買い物の手段がなく配食に頼っている。', '入浴時のまたぎ動作に不安があり、自宅での入浴を控えている。',
         '夫の介護負担が大きく、本人も遠慮して頼めない様子。', '意欲はあるが、痛みへの不安から活動量が落ちている。']
SERVICES = ['通所型サービスC（週1回）', '訪問介護（週2回、掃除）', '配食サービス（平日昼）', '福祉用具貸与（歩行器）',
            '通所介護（週2回）', '訪問看護（月2回）']
INFORMAL = ['長女が週末に買い物を手伝う', '近所の友人が毎朝声をかける', '民生委員の見守り', 'ふれあいサロン（月2回）',
            '老人クラブのグラウンドゴルフ']
DEMANDS = ['買い物に行けない', '風呂に入るのが怖い', '薬をよく飲み忘れる', '膝が痛くて歩けない', '食事の準備がおっくう',
           '話し相手がいない', 'ごみ出しがつらい', '通院の手段がない']
NEEDS = ['屋外歩行を安定させ、近所のスーパーまで歩いて行ける', '浴槽のまたぎ動作を安全に行える', '服薬カレンダーで飲み忘れを防ぐ',
         '膝の痛みを管理し、活動量を保つ', '簡単な調理を続け、栄養状態を保つ', '通いの場への参加で交流の機会を持つ']
GOALS = ['一人でスーパーへ買い物に行く', '週2回は自宅の風呂に入る', '薬を自分で管理する', '毎朝30分の散歩を続ける',
         '月2回サロンに参加する', '自分で昼食を作る']
INDICATORS = ['週1回以上の外出', '入浴回数', '飲み忘れの回数', '歩数計の記録', '参加回数', '体重の維持']
ADVICE = ['立ち上がりの練習を毎日10回、椅子を使って行いましょう。', 'お薬は一包化し、カレンダーに貼ると管理しやすくなります。',
          '浴槽に手すりと滑り止めマットを付けると、またぎ動作が安定します。', 'たんぱく質を毎食とれるよう、卵や豆腐を取り入れましょう。',
          '入れ歯の調整で食べられるものが増えます。歯科受診をおすすめします。', '地区のサロンで送迎ボランティアが使えます。']
PERSONAL = ['筋力低下', '膝の痛み', '意欲の低下', '視力低下', 'ふらつき', '物忘れ']
ENVIRON = ['段差が多い', '坂道', 'バス停が遠い', '手すりがない', '家族が日中不在', '店が遠い']
ISSUES = ['買い物の移動手段がない', '通いの場が不足している', '服薬管理の支援が足りない', '坂道の多い地区で外出が減る',
          'ごみ出しの支援がない', '独居高齢者の見守りが手薄', '入浴できる場所が少ない', '配食サービスの空白地域']
ADL_ROWS = ['indoor_walk', 'outdoor_walk', 'outing', 'toileting', 'eating', 'bathing', 'dressing', 'cleaning',
            'laundry', 'shopping', 'cooking', 'tidying', 'rubbish', 'clinic', 'medication', 'money', 'telephone',
            'social']
PROFESSIONS = ['pt', 'ot', 'pharmacist', 'dietitian', 'dental_hygienist', 'sc']
CATEGORIES = ['medical', 'mobility', 'nutrition', 'housework', 'social']
LEVELS = ['jigyo', 's1', 's2', 'c1', 'c2', 'c3']


def q(s):
    """A YAML double-quoted scalar."""
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


class Gen:
    def __init__(self, outdir, scale):
        self.rnd = random.Random(3)
        self.outdir = outdir
        self.scale = scale
        self.last_date = {}  # person code → date of their latest review
        self.csv = open(os.path.join(outdir, 'answers.csv'), 'w', encoding='utf-8', newline='')
        self.answers = 0
        self.cases = 0
        self.people = []      # (code, birth_year, sex, area, last_case_id)

    def uid(self):
        return str(uuid.UUID(int=self.rnd.getrandbits(128), version=4))

    def pick(self, seq):
        return seq[self.rnd.randrange(len(seq))]

    def item(self, out):
        """A new list item: its id, with its `- _id:` line written."""
        item = self.uid()
        out.append('                - _id: %s\n' % item)
        return item

    def ans(self, out, rec, field, item, col, value, indent, key):
        self.answers += 1
        v = str(value)
        self.csv.write('%s,%s,%s,%s,%s\n' % (rec, field, item, col, q(v) if (',' in v or '"' in v or '\n' in v) else v))
        out.append('%s%s: %s\n' % (' ' * indent, key, q(v) if isinstance(value, str) else v))

    def case_sheet(self, out, rec, date, person):
        code, year, sex, area, _ = person
        ind = 14
        self.ans(out, rec, 'conference_date', '', '', date, ind, 'conference_date')
        self.ans(out, rec, 'first_visit', '', '', date[:8] + '0%d' % self.rnd.randint(1, 9), ind, 'first_visit')
        self.ans(out, rec, 'name', '', '', self.pick(SURNAMES) + ' ' + self.pick(GIVEN), ind, 'name')
        self.ans(out, rec, 'age', '', '', int(date[:4]) - year, ind, 'age')
        self.ans(out, rec, 'sex', '', '', sex, ind, 'sex')
        self.ans(out, rec, 'care_level', '', '', self.pick(LEVELS), ind, 'care_level')
        self.ans(out, rec, 'previous_level', '', '', self.pick(LEVELS), ind, 'previous_level')
        self.ans(out, rec, 'disability_rating', '', '', self.pick(['J1', 'J2', 'A1', 'A2']), ind, 'disability_rating')
        self.ans(out, rec, 'dementia_rating', '', '', self.pick(['自立', 'I', 'IIa', 'IIb']), ind, 'dementia_rating')
        probs = sorted(self.rnd.sample(['1', '2', '3', '4', '5'], self.rnd.randint(1, 3)))
        self.ans(out, rec, 'problems', '', '', ' '.join(probs), ind, 'problems')
        self.ans(out, rec, 'household', '', '', self.pick(['alone', 'couple', 'family']), ind, 'household')
        h = round(self.rnd.uniform(138, 172), 1)
        self.ans(out, rec, 'height', '', '', h, ind, 'height')
        self.ans(out, rec, 'weight', '', '', round(self.rnd.uniform(35, 75), 1), ind, 'weight')
        self.ans(out, rec, 'history', '', '', '、'.join(self.rnd.sample(HISTORY, 3)), ind, 'history')
        self.ans(out, rec, 'medication', '', '', '、'.join(self.rnd.sample(MEDS, 2)), ind, 'medication')
        self.ans(out, rec, 'wish', '', '', self.pick(WISHES), ind, 'wish')
        self.ans(out, rec, 'cm_view', '', '', self.pick(VIEWS) + self.pick(VIEWS), ind, 'cm_view')
        self.ans(out, rec, 'formal_services', '', '', '、'.join(self.rnd.sample(SERVICES, 2)), ind, 'formal_services')
        self.ans(out, rec, 'informal_services', '', '', self.pick(INFORMAL), ind, 'informal_services')
        self.ans(out, rec, 'monitoring_status', '', '', '変化なし' if self.rnd.random() < 0.5 else '改善傾向', ind, 'monitoring_status')

    def adl(self, out, rec):
        out.append('              adl:\n')
        for row in ADL_ROWS:
            out.append('                %s:\n' % row)
            before = self.rnd.randint(1, 6)
            after = max(1, before - self.rnd.randint(0, 2))
            self.ans(out, rec, 'adl', row, 'before', before, 18, 'before')
            self.ans(out, rec, 'adl', row, 'after', after, 18, 'after')
            if self.rnd.random() < 0.3:
                self.ans(out, rec, 'adl', row, 'personal', self.pick(PERSONAL), 18, 'personal')
                self.ans(out, rec, 'adl', row, 'environmental', self.pick(ENVIRON), 18, 'environmental')

    def plan(self, out, rec, date, person):
        out.append('              issues:\n')
        for _ in range(self.rnd.randint(2, 4)):
            item = self.item(out)
            self.ans(out, rec, 'issues', item, 'demand', self.pick(DEMANDS), 18, 'demand')
            self.ans(out, rec, 'issues', item, 'need', self.pick(NEEDS), 18, 'need')
            self.ans(out, rec, 'issues', item, 'category', self.pick(CATEGORIES), 18, 'category')
            self.ans(out, rec, 'issues', item, 'priority', self.rnd.randint(1, 5), 18, 'priority')
        out.append('              goals:\n')
        for h in ['long', 'short', 'short']:
            item = self.item(out)
            self.ans(out, rec, 'goals', item, 'horizon', h, 18, 'horizon')
            self.ans(out, rec, 'goals', item, 'wording', self.pick(GOALS), 18, 'wording')
            self.ans(out, rec, 'goals', item, 'indicator', self.pick(INDICATORS), 18, 'indicator')
        out.append('              advice:\n')
        for _ in range(self.rnd.randint(3, 5)):
            item = self.item(out)
            self.ans(out, rec, 'advice', item, 'profession', self.pick(PROFESSIONS), 18, 'profession')
            self.ans(out, rec, 'advice', item, 'text', self.pick(ADVICE), 18, 'text')
        # Agreed actions are the plan's list (schema 2), with a status.
        year, month = int(date[:4]), int(date[5:7])
        due = '%d-%02d-28' % (year + (month == 12), month % 12 + 1)
        out.append('              actions:\n')
        for who in ['ケアマネ', self.pick(['通所型サービスC', '生活支援コーディネーター', '訪問リハ'])]:
            item = self.item(out)
            self.ans(out, rec, 'actions', item, 'who', who, 18, 'who')
            self.ans(out, rec, 'actions', item, 'what', 'サービス担当者会議で' + self.pick(GOALS) + 'ための支援を調整', 18, 'what')
            self.ans(out, rec, 'actions', item, 'due', due, 18, 'due')
            self.ans(out, rec, 'actions', item, 'status', self.pick(['todo', 'doing', 'done', 'done']), 18, 'status')
        self.ans(out, rec, 'followup_date', '', '', '%d-%02d-%s' % (year + (month > 9), (month + 2) % 12 + 1, date[8:]), 14, 'followup_date')
        # About one case in five raises a regional issue (地域課題).
        if self.rnd.random() < 0.2:
            out.append('              regional_issues:\n')
            item = self.item(out)
            self.ans(out, rec, 'regional_issues', item, 'statement', self.pick(ISSUES), 18, 'statement')
            self.ans(out, rec, 'regional_issues', item, 'category', self.pick(CATEGORIES), 18, 'category')
            self.ans(out, rec, 'regional_issues', item, 'policy', self.pick(['cooperation', 'programme', 'resources']), 18, 'policy')
            self.ans(out, rec, 'regional_issues', item, 'area', person[3], 18, 'area')

    def person_for_case(self, year):
        # About one review in three is a follow-up of someone seen before.
        if self.people and self.rnd.random() < 0.35:
            return self.rnd.randrange(len(self.people)), True
        code = 'C-%d-%05d' % (year, len(self.people) + 1)
        self.people.append([code, self.rnd.randint(1925, 1950), self.pick(['F', 'F', 'M']), self.pick(AREAS), None])
        return len(self.people) - 1, False

    def run(self):
        years = list(range(2015, 2025))
        meetings_per_month = max(1, round(2000 * self.scale / 120))
        cases_per_meeting = 25
        issue_ids = [(self.uid(), t) for t in ISSUES]
        recdir = os.path.join(self.outdir, 'records')
        os.makedirs(recdir, exist_ok=True)
        for year in years:
            for month in range(1, 13):
                out = ['kaigi: records\nversion: 1\n']
                body = ['meetings:\n']
                new_people = []
                for m in range(meetings_per_month):
                    day = 1 + (m * 27) // meetings_per_month
                    date = '%d-%02d-%02d' % (year, month, day)
                    mid = self.uid()
                    body.append('  - id: %s\n    template: bench_meeting\n    title: 第%d回 自立支援型地域ケア会議（%s）\n'
                                '    date: %s\n    start: "13:30"\n    end: "15:00"\n    place: %s\n'
                                '    purpose: 自立支援に向けた多職種での検討\n    target: 各事例の課題と役割分担を決める\n'
                                % (mid, m + 1, self.pick(AREAS), date, self.pick(PLACES)))
                    body.append('    participants:\n')
                    for r in ['facilitator', 'pt', 'ot', 'pharmacist', 'dietitian', 'dental_hygienist', 'sc', 'care_manager']:
                        body.append('      - {name: %s, role: %s}\n' % (q(self.pick(SURNAMES) + ' ' + self.pick(GIVEN)), r))
                    body.append('    cases:\n')
                    for c in range(cases_per_meeting):
                        pi, follow = self.person_for_case(year)
                        person = self.people[pi]
                        if not follow:
                            new_people.append(person)
                        cid = self.uid()
                        self.cases += 1
                        body.append('      - id: %s\n        person: %s\n        presenter: %s（ケアマネ）\n'
                                    % (cid, person[0], self.pick(SURNAMES)))
                        # A follow-up follows an earlier review (kaigi import
                        # refuses one of the same day): the same person twice
                        # in one meeting is two first reviews.
                        if follow and person[4] and self.last_date.get(person[0], date) < date:
                            body.append('        follows: %s\n' % person[4])
                        person[4] = cid
                        self.last_date[person[0]] = date
                        body.append('        phases:\n')
                        for ph, mins in [('framing', 1), ('presentation', 5), ('questions', 8), ('advice', 8), ('wrapup', 4)]:
                            body.append('          - {phase: %s, planned: %d, actual: %d}\n'
                                        % (ph, mins * 60, mins * 60 + self.rnd.randint(-30, 120)))
                        body.append('        records:\n')
                        for form in ['bench_case_sheet', 'bench_adl', 'bench_plan']:
                            rec = self.uid()
                            body.append('          - form: %s\n            id: %s\n            answers:\n' % (form, rec))
                            if form == 'bench_case_sheet':
                                self.case_sheet(body, rec, date, person)
                            elif form == 'bench_adl':
                                self.adl(body, rec)
                            else:
                                self.plan(body, rec, date, person)
                        if self.rnd.random() < 0.12:
                            iid, title = self.pick(issue_ids)
                            body.append('        regional_issues:\n          - {issue: %s}\n' % title)
                if new_people:
                    out.append('people:\n')
                    for code, by, sex, area, _ in new_people:
                        out.append('  - {code: %s, birth_year: %d, sex: %s, area: %s}\n' % (code, by, sex, area))
                if year == years[0] and month == 1:
                    out.append('regional_issues:\n')
                    for iid, title in issue_ids:
                        out.append('  - {title: %s, id: %s, policy: %s}\n'
                                   % (title, iid, self.pick(['cooperation', 'programme', 'resource'])))
                with open(os.path.join(recdir, '%d-%02d.yaml' % (year, month)), 'w', encoding='utf-8') as f:
                    f.write(''.join(out))
                    f.write(''.join(body))
        self.csv.close()
        print('meetings %d cases %d people %d answers %d'
              % (meetings_per_month * 120, self.cases, len(self.people), self.answers))


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    scale = 1.0
    if len(sys.argv) == 4 and sys.argv[2] == '--scale':
        scale = float(sys.argv[3])
    os.makedirs(sys.argv[1], exist_ok=True)
    Gen(sys.argv[1], scale).run()


if __name__ == '__main__':
    main()
