"""Large drafts for the printed-page tests: a ten-party MoU and a two-day minutes draft with two
delegations of six members each.

The parties are real provinces (none of them merged in Viet Nam's 2025 reorganisation) but the
documents, people and figures are **invented for layout tests**: they are not about a real event
and must not be shipped as samples. The Vietnamese and Lao wording reuses the phrasing of the
samples in ``seeds/``; Lao written by us, not checked by a native reader.

Both are built as draft-file JSON of format 2 and loaded through :func:`parse_draft`, so they
keep loading (migrated) when the draft format moves on.
"""

from __future__ import annotations

import json

from mou_drafter.model.draft import Draft
from mou_drafter.model.files import parse_draft


def _t(vi: str, lo: str, en: str) -> dict[str, str]:
    return {"vi": vi, "lo": lo, "en": en}


# (id, country, Vietnamese, Lao and English name)
_PROVINCES = [
    ("dienbien", "VN", "tỉnh Điện Biên", "ແຂວງດ່ຽນບຽນ", "Dien Bien province"),
    ("sonla", "VN", "tỉnh Sơn La", "ແຂວງເຊີນລາ", "Son La province"),
    ("thanhhoa", "VN", "tỉnh Thanh Hóa", "ແຂວງແທງຮວາ", "Thanh Hoa province"),
    ("nghean", "VN", "tỉnh Nghệ An", "ແຂວງເງ້ອານ", "Nghe An province"),
    ("hatinh", "VN", "tỉnh Hà Tĩnh", "ແຂວງຮ່າຕິ້ງ", "Ha Tinh province"),
    ("phongsaly", "LA", "tỉnh Phông Sa Lỳ", "ແຂວງຜົ້ງສາລີ", "Phongsaly province"),
    ("luangprabang", "LA", "tỉnh Luông Pha Băng", "ແຂວງຫຼວງພະບາງ", "Luang Prabang province"),
    ("houaphanh", "LA", "tỉnh Hủa Phăn", "ແຂວງຫົວພັນ", "Houaphanh province"),
    ("xiengkhouang", "LA", "tỉnh Xiêng Khoảng", "ແຂວງຊຽງຂວາງ", "Xiengkhouang province"),
    ("bolikhamxay", "LA", "tỉnh Bô Ly Khăm Xay", "ແຂວງບໍລິຄຳໄຊ", "Bolikhamxay province"),
]
_VN_NAMES = [
    ("Nguyễn Văn An", "ຫງວຽນ ວັນ ອານ", "Nguyen Van An"),
    ("Trần Quốc Bình", "ຕ່ຣານ ກວກ ບິ່ງ", "Tran Quoc Binh"),
    ("Lê Thị Cúc", "ເລ ທິ ກຸກ", "Le Thi Cuc"),
    ("Phạm Minh Đức", "ຟ້າມ ມິງ ດຶກ", "Pham Minh Duc"),
    ("Hoàng Văn Em", "ຫວາງ ວັນ ແອມ", "Hoang Van Em"),
]
_LA_NAMES = [
    ("Khamphanh Sisavath", "ຄຳພັນ ສີສະຫວາດ", "Khamphanh Sisavath"),
    ("Bounthavy Keovongsa", "ບຸນທະວີ ແກ້ວວົງສາ", "Bounthavy Keovongsa"),
    ("Vilayphone Sengdara", "ວິໄລພອນ ແສງດາລາ", "Vilayphone Sengdara"),
    ("Somsak Inthavong", "ສົມສັກ ອິນທະວົງ", "Somsak Inthavong"),
    ("Chanthone Phimmasone", "ຈັນທອນ ພິມມະສອນ", "Chanthone Phimmasone"),
]


def _party(index: int) -> dict:
    pid, country, vi, lo, en = _PROVINCES[index]
    province_lo = lo.removeprefix("ແຂວງ")
    province_en = en.removesuffix(" province")
    if country == "VN":
        name = _VN_NAMES[index]
        title = _t(
            f"Chủ tịch Ủy ban nhân dân {vi}",
            f"ປະທານຄະນະກຳມະການປະຊາຊົນ{lo}",
            f"Chairman of the {province_en} Provincial People's Committee",
        )
        authority = _t(
            f"TM. Ủy ban nhân dân {vi}",
            f"ຕາງໜ້າ ຄະນະກຳມະການປະຊາຊົນ{lo}",
            f"For the {province_en} Provincial People's Committee",
        )
    else:
        name = _LA_NAMES[index - 5]
        title = _t(f"Tỉnh trưởng {vi}", f"ເຈົ້າແຂວງ{province_lo}", f"Governor of {en}")
        authority = _t(f"TM. Chính quyền {vi}", f"ຕາງໜ້າ ອົງການປົກຄອງ{lo}", f"For the {en} Administration")
    return {
        "id": pid,
        "country": country,
        "name": _t(vi, lo, en),
        "short_name": _t(vi, lo, province_en),
        "locality": _t("", "", ""),
        "representative": {"name": _t(*name), "title": title, "authority": authority},
    }


def ten_party_mou() -> Draft:
    """A ten-party MoU of five Vietnamese and five Lao border provinces, with a number (so the
    Decree 30 header with the issuing body is exercised), obligations, and contributions."""
    parties = [_party(i) for i in range(10)]
    areas = [
        (
            "border",
            _t(
                "Quốc phòng, an ninh biên giới",
                "ປ້ອງກັນຊາດ-ປ້ອງກັນຄວາມສະຫງົບຊາຍແດນ",
                "Defence and border security",
            ),
            _t(
                "tuần tra chung, bảo vệ mốc quốc giới, phòng chống ma túy và xuất nhập cảnh trái phép",
                "ລາດຕະເວນຮ່ວມ, ປົກປັກຮັກສາຫຼັກໝາຍຊາຍແດນ, ຕ້ານຢາເສບຕິດ ແລະ ການເຂົ້າ-ອອກເມືອງຜິດກົດໝາຍ",
                "joint patrols, protection of border markers, combating drugs and illegal border crossings",
            ),
        ),
        (
            "trade",
            _t("Thương mại và nông nghiệp", "ການຄ້າ ແລະ ກະສິກຳ", "Trade and agriculture"),
            _t(
                "tạo điều kiện trao đổi hàng hóa và nông sản qua 12 cửa khẩu",
                "ອຳນວຍຄວາມສະດວກໃຫ້ແກ່ການແລກປ່ຽນສິນຄ້າ ແລະ ຜະລິດຕະພັນກະສິກຳຜ່ານ 12 ດ່ານຊາຍແດນ",
                "facilitating the exchange of goods and farm products through 12 border gates",
            ),
        ),
        (
            "education",
            _t("Giáo dục và đào tạo", "ການສຶກສາ ແລະ ການຝຶກອົບຮົມ", "Education and training"),
            _t(
                "mỗi năm tiếp nhận 150 học sinh, sinh viên Lào sang học tập tại Việt Nam",
                "ແຕ່ລະປີ ຮັບເອົານັກຮຽນ, ນັກສຶກສາລາວ 150 ຄົນ ໄປຮຽນຢູ່ ສສ ຫວຽດນາມ",
                "receiving 150 Lao pupils and students a year to study in Viet Nam",
            ),
        ),
        (
            "health",
            _t("Y tế", "ສາທາລະນະສຸກ", "Health"),
            _t(
                "phòng chống dịch bệnh vùng biên và khám chữa bệnh cho nhân dân hai bên biên giới",
                "ປ້ອງກັນພະຍາດລະບາດເຂດຊາຍແດນ ແລະ ກວດປິ່ນປົວພະຍາດໃຫ້ແກ່ປະຊາຊົນສອງຟາກຊາຍແດນ",
                "border disease control and medical care for the people on both sides of the border",
            ),
        ),
        (
            "culture",
            _t("Văn hóa, thể thao và du lịch", "ວັດທະນະທຳ, ກິລາ ແລະ ການທ່ອງທ່ຽວ", "Culture, sport and tourism"),
            _t(
                "giao lưu văn hóa, thể thao hằng năm và phát triển tuyến du lịch qua biên giới",
                "ແລກປ່ຽນວັດທະນະທຳ, ກິລາ ປະຈຳປີ ແລະ ພັດທະນາເສັ້ນທາງທ່ອງທ່ຽວຜ່ານຊາຍແດນ",
                "annual cultural and sports exchanges and cross-border tourist routes",
            ),
        ),
    ]
    obligations = []
    for i, p in enumerate(parties[:5]):
        obligations.append(
            {
                "party": p["id"],
                "due": f"2025-{3 + i:02d}-{10 + i}",
                "text": _t(
                    f"Trao {20 + 5 * i} suất học bổng cho học sinh có hoàn cảnh khó khăn của {parties[5 + i]['name']['vi']}",
                    f"ມອບທຶນການສຶກສາ {20 + 5 * i} ທຶນ ໃຫ້ແກ່ນັກຮຽນທີ່ມີຄວາມຫຍຸ້ງຍາກ ຂອງ{parties[5 + i]['name']['lo']}",
                    f"Award {20 + 5 * i} scholarships to impoverished students of {parties[5 + i]['name']['en']}",
                ),
            }
        )
    for p in parties[5:]:
        obligations.append(
            {
                "party": p["id"],
                "due": None,
                "text": _t(
                    "Tạo điều kiện cho các đội tìm kiếm, quy tập hài cốt hoạt động trên địa bàn tỉnh trong mùa khô",
                    "ອຳນວຍຄວາມສະດວກໃຫ້ແກ່ທີມງານຊອກຄົ້ນ ແລະ ເກັບກູ້ຊາກສົບ ປະຕິບັດວຽກໃນເຂດແຂວງ ໃນລະດູແລ້ງ",
                    "Facilitate the work of the remains search teams in the province during the dry season",
                ),
            }
        )
    obligations.append(
        {
            "party": "all",
            "due": None,
            "text": _t(
                "Phối hợp tuần tra chung, trao đổi thông tin về tình hình an ninh trên tuyến biên giới chung",
                "ປະສານງານລາດຕະເວນຮ່ວມ, ແລກປ່ຽນຂໍ້ມູນຂ່າວສານກ່ຽວກັບສະພາບຄວາມສະຫງົບ ຕາມເສັ້ນຊາຍແດນຮ່ວມ",
                "Coordinate joint patrols and exchange information on security along the shared borderline",
            ),
        }
    )
    contributions = []
    for i, p in enumerate(parties[:5]):
        contributions.append(
            {
                "amount": str(350_000_000 + 75_000_000 * i),
                "currency": "VND",
                "equivalent": {"amount": str(14_000 + 3_000 * i), "currency": "USD"},
                "party": p["id"],
                "purpose": _t(
                    f"Hỗ trợ xây dựng trường học tại {parties[5 + i]['name']['vi']}",
                    f"ຊ່ວຍເຫຼືອການກໍ່ສ້າງໂຮງຮຽນຢູ່{parties[5 + i]['name']['lo']}",
                    f"Support for building a school in {parties[5 + i]['name']['en']}",
                ),
            }
        )
    contributions.append(
        {
            "amount": "120000000",
            "currency": "LAK",
            "equivalent": None,
            "party": "luangprabang",
            "purpose": _t(
                "Hỗ trợ tổ chức giao lưu văn hóa, thể thao năm 2025",
                "ຊ່ວຍເຫຼືອການຈັດງານແລກປ່ຽນວັດທະນະທຳ, ກິລາ ປີ 2025",
                "Support for the 2025 cultural and sports exchange",
            ),
        }
    )
    data = {
        "kind": "mou",
        "schema_version": 3,
        "languages": ["vi", "lo", "en"],
        "number": "15/BBGN-UBND",
        "title": _t(
            "Về hợp tác giữa năm tỉnh biên giới của Việt Nam và năm tỉnh biên giới của Lào giai đoạn 2025 - 2029",
            "ວ່າດ້ວຍການຮ່ວມມືລະຫວ່າງ ຫ້າແຂວງຊາຍແດນຂອງ ສສ ຫວຽດນາມ ແລະ ຫ້າແຂວງຊາຍແດນຂອງ ສປປ ລາວ ໄລຍະ 2025 - 2029",
            "on cooperation between five border provinces of Viet Nam and five border provinces of Laos "
            "for the period 2025 - 2029",
        ),
        "basis": [
            _t(
                "Căn cứ Hiệp ước Hữu nghị và Hợp tác giữa nước Cộng hòa xã hội chủ nghĩa Việt Nam và nước "
                "Cộng hòa Dân chủ Nhân dân Lào ngày 18 tháng 7 năm 1977;",
                "ອີງຕາມສົນທິສັນຍາມິດຕະພາບ ແລະ ການຮ່ວມມື ລະຫວ່າງ ສາທາລະນະລັດ ສັງຄົມນິຍົມ ຫວຽດນາມ ແລະ "
                "ສາທາລະນະລັດ ປະຊາທິປະໄຕ ປະຊາຊົນລາວ ລົງວັນທີ 18 ກໍລະກົດ 1977;",
                "Pursuant to the Treaty of Friendship and Cooperation between the Socialist Republic of Viet Nam "
                "and the Lao People's Democratic Republic of 18 July 1977;",
            ),
            _t(
                "Căn cứ Quy chế quản lý biên giới năm 2016.",
                "ອີງຕາມລະບຽບການຄຸ້ມຄອງຊາຍແດນ ປີ 2016.",
                "Pursuant to the 2016 border management regulation.",
            ),
        ],
        "parties": parties,
        "period": {"start": "2025-01-01", "end": "2029-12-31", "duration_years": None},
        "signing": {
            "place": _t("Vinh", "ນະຄອນວິງ", "Vinh"),
            "date": "2024-12-20",
            "originals": 10,
            "prevailing": "equal",
            "notice_months": 6,
        },
        "areas": [{"id": a, "title": t, "description": d} for a, t, d in areas],
        "obligations": obligations,
        "contributions": contributions,
    }
    return parse_draft(json.dumps(data, ensure_ascii=False).encode("utf-8"), "<ten-party MoU>")


def _person(vi: str, lo: str, en: str, tvi: str, tlo: str, ten: str) -> dict:
    return {"name": _t(vi, lo, en), "title": _t(tvi, tlo, ten)}


def two_day_minutes() -> Draft:
    """Minutes of a two-day conference (14-15 March 2024) of two provinces, each delegation a
    head and six members."""
    nghean = {
        "id": "nghean",
        "country": "VN",
        "name": _t("tỉnh Nghệ An", "ແຂວງເງ້ອານ", "Nghe An province"),
        "short_name": _t("tỉnh Nghệ An", "ແຂວງເງ້ອານ", "Nghe An"),
        "locality": _t("", "", ""),
        "representative": {
            "name": _t("Nguyễn Văn An", "ຫງວຽນ ວັນ ອານ", "Nguyen Van An"),
            "title": _t(
                "Chủ tịch Ủy ban nhân dân tỉnh Nghệ An",
                "ປະທານຄະນະກຳມະການປະຊາຊົນແຂວງເງ້ອານ",
                "Chairman of the Nghe An Provincial People's Committee",
            ),
            "authority": _t(
                "TM. Ủy ban nhân dân tỉnh",
                "ຕາງໜ້າ ຄະນະກຳມະການປະຊາຊົນແຂວງ",
                "For the Provincial People's Committee",
            ),
        },
    }
    bolikhamxay = {
        "id": "bolikhamxay",
        "country": "LA",
        "name": _t("tỉnh Bô Ly Khăm Xay", "ແຂວງບໍລິຄຳໄຊ", "Bolikhamxay province"),
        "short_name": _t("tỉnh Bô Ly Khăm Xay", "ແຂວງບໍລິຄຳໄຊ", "Bolikhamxay"),
        "locality": _t("", "", ""),
        "representative": {
            "name": _t("Khamphanh Sisavath", "ຄຳພັນ ສີສະຫວາດ", "Khamphanh Sisavath"),
            "title": _t(
                "Tỉnh trưởng tỉnh Bô Ly Khăm Xay", "ເຈົ້າແຂວງບໍລິຄຳໄຊ", "Governor of Bolikhamxay province"
            ),
            "authority": _t(
                "TM. Chính quyền tỉnh", "ຕາງໜ້າ ອົງການປົກຄອງແຂວງ", "For the Provincial Administration"
            ),
        },
    }
    vn_members = [
        _person(
            "Trần Quốc Bình",
            "ຕ່ຣານ ກວກ ບິ່ງ",
            "Tran Quoc Binh",
            "Phó Chủ tịch Ủy ban nhân dân tỉnh",
            "ຮອງປະທານຄະນະກຳມະການປະຊາຊົນແຂວງ",
            "Vice Chairman of the Provincial People's Committee",
        ),
        _person(
            "Lê Thị Cúc",
            "ເລ ທິ ກຸກ",
            "Le Thi Cuc",
            "Giám đốc Sở Ngoại vụ",
            "ຫົວໜ້າພະແນກການຕ່າງປະເທດ",
            "Director of the Department of Foreign Affairs",
        ),
        _person(
            "Phạm Minh Đức",
            "ຟ້າມ ມິງ ດຶກ",
            "Pham Minh Duc",
            "Chỉ huy trưởng Bộ đội Biên phòng tỉnh",
            "ຫົວໜ້າບັນຊາການກອງກຳລັງປ້ອງກັນຊາຍແດນແຂວງ",
            "Commander of the Provincial Border Guard",
        ),
        _person(
            "Hoàng Văn Em",
            "ຫວາງ ວັນ ແອມ",
            "Hoang Van Em",
            "Giám đốc Sở Giáo dục và Đào tạo",
            "ຫົວໜ້າພະແນກສຶກສາທິການ ແລະ ກິລາ",
            "Director of the Department of Education and Training",
        ),
        _person(
            "Vũ Thị Giang",
            "ວູ ທິ ຢາງ",
            "Vu Thi Giang",
            "Giám đốc Sở Y tế",
            "ຫົວໜ້າພະແນກສາທາລະນະສຸກ",
            "Director of the Department of Health",
        ),
        _person(
            "Đặng Văn Hải",
            "ດັ້ງ ວັນ ໄຫ່",
            "Dang Van Hai",
            "Giám đốc Sở Công Thương",
            "ຫົວໜ້າພະແນກອຸດສາຫະກຳ ແລະ ການຄ້າ",
            "Director of the Department of Industry and Trade",
        ),
    ]
    la_members = [
        _person(
            "Bounthavy Keovongsa",
            "ບຸນທະວີ ແກ້ວວົງສາ",
            "Bounthavy Keovongsa",
            "Phó Tỉnh trưởng",
            "ຮອງເຈົ້າແຂວງ",
            "Deputy Governor",
        ),
        _person(
            "Vilayphone Sengdara",
            "ວິໄລພອນ ແສງດາລາ",
            "Vilayphone Sengdara",
            "Giám đốc Sở Ngoại giao",
            "ຫົວໜ້າພະແນກການຕ່າງປະເທດ",
            "Director of the Department of Foreign Affairs",
        ),
        _person(
            "Somsak Inthavong",
            "ສົມສັກ ອິນທະວົງ",
            "Somsak Inthavong",
            "Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh",
            "ຫົວໜ້າກອງບັນຊາການທະຫານແຂວງ",
            "Commander of the Provincial Military Command",
        ),
        _person(
            "Chanthone Phimmasone",
            "ຈັນທອນ ພິມມະສອນ",
            "Chanthone Phimmasone",
            "Giám đốc Sở Giáo dục và Thể thao",
            "ຫົວໜ້າພະແນກສຶກສາທິການ ແລະ ກິລາ",
            "Director of the Department of Education and Sports",
        ),
        _person(
            "Souksavanh Phommachanh",
            "ສຸກສະຫວັນ ພົມມະຈັນ",
            "Souksavanh Phommachanh",
            "Giám đốc Sở Y tế",
            "ຫົວໜ້າພະແນກສາທາລະນະສຸກ",
            "Director of the Department of Health",
        ),
        _person(
            "Phouvong Xayavong",
            "ພູວົງ ໄຊຍະວົງ",
            "Phouvong Xayavong",
            "Giám đốc Sở Công Thương",
            "ຫົວໜ້າພະແນກອຸດສາຫະກຳ ແລະ ການຄ້າ",
            "Director of the Department of Industry and Commerce",
        ),
    ]
    agreed = [
        (
            _t(
                "Quốc phòng, an ninh biên giới",
                "ປ້ອງກັນຊາດ-ປ້ອງກັນຄວາມສະຫງົບຊາຍແດນ",
                "Defence and border security",
            ),
            [
                _t(
                    "Tăng cường phối hợp tuần tra chung, mỗi quý ít nhất 01 lần, giữ gìn an ninh trật tự trên tuyến biên giới chung dài 419 km",
                    "ເພີ່ມທະວີການປະສານງານລາດຕະເວນຮ່ວມ ຢ່າງໜ້ອຍ 1 ຄັ້ງຕໍ່ໄຕມາດ, ຮັກສາຄວາມສະຫງົບ ຕາມເສັ້ນຊາຍແດນຮ່ວມ ຍາວ 419 ກມ",
                    "Strengthen joint patrols, at least 1 a quarter, to maintain security along the 419 km shared borderline",
                ),
                _t(
                    "Phối hợp phòng chống ma túy, mua bán người và xuất nhập cảnh trái phép",
                    "ປະສານງານຕ້ານຢາເສບຕິດ, ການຄ້າມະນຸດ ແລະ ການເຂົ້າ-ອອກເມືອງຜິດກົດໝາຍ",
                    "Cooperate against drugs, human trafficking and illegal border crossings",
                ),
            ],
        ),
        (
            _t("Thương mại, đầu tư", "ການຄ້າ, ການລົງທຶນ", "Trade and investment"),
            [
                _t(
                    "Phấn đấu đưa kim ngạch thương mại qua cửa khẩu Nậm Cắn đạt 250 triệu USD vào năm 2025",
                    "ພະຍາຍາມໃຫ້ມູນຄ່າການຄ້າຜ່ານດ່ານນ້ຳກັນ ບັນລຸ 250 ລ້ານໂດລາ ໃນປີ 2025",
                    "Aim for trade through the Nam Can border gate of USD 250 million in 2025",
                )
            ],
        ),
        (
            _t("Giáo dục, y tế", "ການສຶກສາ, ສາທາລະນະສຸກ", "Education and health"),
            [
                _t(
                    "Tỉnh Nghệ An tiếp nhận 120 học sinh, sinh viên tỉnh Bô Ly Khăm Xay sang học tập trong năm học 2024 - 2025",
                    "ແຂວງເງ້ອານ ຮັບເອົານັກຮຽນ, ນັກສຶກສາ ແຂວງບໍລິຄຳໄຊ 120 ຄົນ ໄປຮຽນໃນສົກຮຽນ 2024 - 2025",
                    "Nghe An province receives 120 pupils and students of Bolikhamxay province in the 2024 - 2025 school year",
                ),
                _t(
                    "Phối hợp phòng chống dịch bệnh vùng biên và khám chữa bệnh cho nhân dân hai bên biên giới",
                    "ປະສານງານປ້ອງກັນພະຍາດລະບາດເຂດຊາຍແດນ ແລະ ກວດປິ່ນປົວພະຍາດໃຫ້ແກ່ປະຊາຊົນສອງຟາກຊາຍແດນ",
                    "Cooperate on border disease control and medical care for the people on both sides of the border",
                ),
            ],
        ),
    ]
    data = {
        "kind": "minutes",
        "schema_version": 3,
        "languages": ["vi", "lo", "en"],
        "number": "",
        "title": _t("", "", ""),
        "basis": [],
        "parties": [nghean, bolikhamxay],
        "signing": {
            "place": _t("Vinh", "ນະຄອນວິງ", "Vinh"),
            "date": "2024-03-15",
            "originals": 2,
            "prevailing": "equal",
            "notice_months": 6,
        },
        "contributions": [
            {
                "amount": "1500000000",
                "currency": "VND",
                "equivalent": {"amount": "61000", "currency": "USD"},
                "party": "nghean",
                "purpose": _t(
                    "Hỗ trợ xây dựng trạm y tế bản biên giới",
                    "ຊ່ວຍເຫຼືອການກໍ່ສ້າງສຸກສາລາບ້ານຊາຍແດນ",
                    "Support for building a border village health station",
                ),
            },
            {
                "amount": "250000000",
                "currency": "LAK",
                "equivalent": None,
                "party": "bolikhamxay",
                "purpose": _t(
                    "Hỗ trợ đón tiếp đoàn học sinh",
                    "ຊ່ວຍເຫຼືອການຕ້ອນຮັບຄະນະນັກຮຽນ",
                    "Support for receiving the student delegation",
                ),
            },
        ],
        "minutes": {
            "conference": {
                "ordinal": 7,
                "title": _t(
                    "Hội nghị hợp tác giữa tỉnh Nghệ An và tỉnh Bô Ly Khăm Xay",
                    "ກອງປະຊຸມຮ່ວມມືລະຫວ່າງ ແຂວງເງ້ອານ ແລະ ແຂວງບໍລິຄຳໄຊ",
                    "cooperation conference of Nghe An and Bolikhamxay provinces",
                ),
                "start": "2024-03-14",
                "end": "2024-03-15",
                "venue": _t(
                    "thành phố Vinh, tỉnh Nghệ An", "ນະຄອນວິງ, ແຂວງເງ້ອານ", "Vinh city, Nghe An province"
                ),
                "host": "nghean",
            },
            "delegations": [
                {
                    "party": "nghean",
                    "head": _person(
                        "Nguyễn Văn An",
                        "ຫງວຽນ ວັນ ອານ",
                        "Nguyen Van An",
                        "Chủ tịch Ủy ban nhân dân tỉnh Nghệ An",
                        "ປະທານຄະນະກຳມະການປະຊາຊົນແຂວງເງ້ອານ",
                        "Chairman of the Nghe An Provincial People's Committee",
                    ),
                    "members": vn_members,
                },
                {
                    "party": "bolikhamxay",
                    "head": _person(
                        "Khamphanh Sisavath",
                        "ຄຳພັນ ສີສະຫວາດ",
                        "Khamphanh Sisavath",
                        "Tỉnh trưởng tỉnh Bô Ly Khăm Xay",
                        "ເຈົ້າແຂວງບໍລິຄຳໄຊ",
                        "Governor of Bolikhamxay province",
                    ),
                    "members": la_members,
                },
            ],
            "results": [
                _t(
                    "Hai Bên đã thông báo cho nhau tình hình kinh tế - xã hội, quốc phòng - an ninh của mỗi tỉnh "
                    "và đánh giá kết quả thực hiện Biên bản Hội nghị lần thứ 6 năm 2023.",
                    "ສອງຝ່າຍໄດ້ແຈ້ງໃຫ້ກັນຊາບກ່ຽວກັບສະພາບເສດຖະກິດ-ສັງຄົມ, ປ້ອງກັນຊາດ-ປ້ອງກັນຄວາມສະຫງົບ ຂອງແຕ່ລະແຂວງ "
                    "ແລະ ຕີລາຄາຜົນການຈັດຕັ້ງປະຕິບັດບົດບັນທຶກກອງປະຊຸມ ຄັ້ງທີ 6 ປີ 2023.",
                    "The two Parties briefed each other on the socio-economic, defence and security situation of "
                    "each province and reviewed the implementation of the minutes of the 6th conference of 2023.",
                ),
                _t(
                    "Năm 2023, kim ngạch thương mại giữa hai tỉnh đạt 212 triệu USD, tăng 8% so với năm 2022.",
                    "ປີ 2023, ມູນຄ່າການຄ້າລະຫວ່າງສອງແຂວງ ບັນລຸ 212 ລ້ານໂດລາ, ເພີ່ມຂຶ້ນ 8% ທຽບໃສ່ປີ 2022.",
                    "In 2023, trade between the two provinces reached USD 212 million, 8% more than in 2022.",
                ),
            ],
            "agreed": [{"area": area, "points": points} for area, points in agreed],
            "next_conference": {
                "host": "bolikhamxay",
                "year": 2025,
                "date": None,
                "place": _t("tỉnh Bô Ly Khăm Xay", "ແຂວງບໍລິຄຳໄຊ", "Bolikhamxay province"),
                "time": _t("trong quý I năm 2025", "ໃນໄຕມາດທີ I ປີ 2025", "in the first quarter of 2025"),
            },
        },
    }
    return parse_draft(json.dumps(data, ensure_ascii=False).encode("utf-8"), "<two-day minutes>")
