"""A coe case filed on the 区分N page (技術・人文知識・国際業務) for the fill payload and browser
tests: the common sections complete, 3 relatives in Japan, every value in the catalogue's own
form (codes as labels, dates as 8 digits). The 区分N sections (学歴, 職歴, 所属機関) are not in the
catalogue yet (they come with the 区分N field set)."""

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
    return values


def coe_case() -> Case:
    return Case(id="autofill-case", procedure="coe", values=coe_values())
