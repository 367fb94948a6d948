"""A complete coe 区分N case (技術・人文知識・国際業務) for the fill payload and browser tests:
the common sections, the 区分N sections (学歴, 職歴, 所属機関), 3 relatives in Japan and 4 jobs,
every value in the catalogue's own form (codes as labels, dates as 8 digits)."""

from __future__ import annotations

from assistant.model.case import Case

TECH = ("技術・人文知識・国際業務，特定活動（本邦大卒者） Engineer,Humanities specialist,"
        "Int'l Services/Designated Activities（No.４６）")


def coe_values() -> dict[str, str]:
    values = {
        "desired_status": TECH,
        "nationality": "中国 People's Republic of China", "birth_date": "19950615",
        "name": "WANG XIAOMING", "sex": "男 male", "birthplace": "北京",
        "has_spouse": "無 No", "occupation": "会社員", "home_address": "北京市朝陽区建国路１号",
        "postal_code": "1600023", "address_prefecture": "東京都",
        "address_municipality": "新宿区", "address_street": "西新宿１－１－１",
        "mobile": "09012345678", "email": "wang@example.jp",
        "passport_number": "EA1234567", "passport_expiry": "20300101",
        "planned_entry_date": "20260401",
        "port_of_entry": "成田空港(NRT) Narita International Airport",
        "intended_stay_years": "5", "intended_stay_months": "0", "has_companions": "無 No",
        "visa_application_place": "北京", "past_entries": "無 No",
        "past_coe_applications": "無 No", "criminal_record": "無 No",
        "past_deportation": "無 No", "has_relatives": "有 Yes",
        # 27 申請人、法定代理人、法第７条の２第２項に規定する代理人: 必須 on the page
        "legal_rep_name": "佐藤　花子", "legal_rep_relationship": "受入れ機関の職員",
        "legal_rep_postal_code": "1000005", "legal_rep_prefecture": "東京都",
        "legal_rep_municipality": "千代田区", "legal_rep_street": "丸の内１－１－１",
        "legal_rep_phone": "0312345678",
        "receipt_method": "郵送 Mailing", "notification_email": "office@example.jp",
        "intent_confirmed": ("申請人(代理人による申請の場合は当該代理人)に申請の意思を確認しました。 "
                             "Confirmed intent of application with applicant (or agent)."),
    }
    relatives = [
        ("父 Father", "王　偉", "19900412", "中国 People's Republic of China", "有 Yes",
         "株式会社東京商事", "AB12345678CD"),
        ("母 Mother", "王　芳", "19980101", "中国 People's Republic of China", "無 No",
         "東京大学", ""),
        ("叔父（伯父）・叔母（伯母） Uncle / Aunt", "李　強", "19651130",
         "中国 People's Republic of China", "無 No", "李商店", "EF87654321GH"),
    ]
    members = ("relative_relationship", "relative_name", "relative_birth_date",
               "relative_nationality", "relative_lives_together", "relative_workplace",
               "relative_card_number")
    for n, row in enumerate(relatives, start=1):
        for member, value in zip(members, row, strict=True):
            if value:
                values[f"{member}[{n}]"] = value
    values.update({
        "n_23_1": "外国 Foreign country", "n_23_2": "大学 Bachelor", "n_23_4": "北京理工大学",
        "n_23_5": "20170630", "n_24_1": "経営学 Business administration",
        "n_applicant_10": "有 Yes",
        "n_2": "雇用 Employment", "n_3_1": "株式会社サンプル", "n_3_2": "有 Yes",
        "n_3_2_2": "1234567890123", "n_3_5": "建設業 Construction", "n_3_9": "1000005",
        "n_3_10": "東京都千代田区丸の内１－１", "n_3_11": "0312345678", "n_3_12": "10000000",
        "n_3_13": "500000000", "n_3_14": "120", "n_3_15": "8",
        "n_5_1": "定めなし Non-Fixed", "n_7": "300000", "n_8": "36", "n_9_1": "無 No",
        "n_10_1": "調査研究 Research",
        "n_11": "ソフトウェアの設計・開発に従事する。\n社内システムの保守を担当する。",
    })
    for n, job in enumerate(JOBS, start=1):
        values[f"n_applicant_11[{n}]"] = job[0]
        values[f"n_26_1[{n}]"] = "不明な点は無い No unclear points"
        values[f"n_26_2[{n}]"] = job[1]
        values[f"n_26_3[{n}]"] = "不明な点は無い No unclear points"
        values[f"n_26_4[{n}]"] = job[2]
        values[f"n_26_5[{n}]"] = job[3]
        if job[4]:
            values[f"n_26_6[{n}]"] = job[4]
    return values


JOBS = [  # 国・地域名, 入社年月, 退社年月, 勤務先(英字), 勤務先(漢字)
    ("中国 People's Republic of China", "201307", "201509", "Beijing Soft Co., Ltd.",
     "北京軟件有限公司"),
    ("中国 People's Republic of China", "201510", "201712", "Shanghai Data Ltd.",
     "上海数据有限公司"),
    ("ベトナム Viet Nam", "201801", "202003", "Hanoi IT JSC", ""),
    ("日本 Japan", "202004", "202512", "Tokyo Systems K.K.", "東京システム株式会社"),
]


def coe_case() -> Case:
    return Case(id="autofill-case", procedure="coe", values=coe_values())
