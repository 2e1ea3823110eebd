"""Metric, period, status, document date and baseline (SPEC §5–7), on real sentences."""
import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from ictstats import Config, extract, periods
from ictstats.context import detect_doc_date
from ictstats.cues import Words, cue_regex
from ictstats.extract import _vocabulary
from ictstats.lexicon import load, tone_variants
from ictstats.metrics import taxonomy
from ictstats.status import SectionIndex

from regen_golden import FIXTURES


def row(text, surface, **config):
    rows = extract(text, config=Config(**config))
    found = [r for r in rows if r.surface == surface]
    assert found, [r.surface for r in rows]
    return found[0]


# One real-style sentence per metric: the number named in it must get that metric.
METRIC_SENTENCES = [
    ("internet.vn_domains", "Tính đến hết tháng 5/2020, có tổng số 509.262 tên miền quốc gia Việt Nam “.vn” duy trì sử dụng.", "509.262 tên miền"),
    ("internet.vn_domains", "Số tên miền .vn đạt 600.000 tên miền, gồm cả tên miền mã quốc gia và tên miền Việt Nam.", "600.000 tên miền"),
    ("internet.vn_domains", "Số lượng tên miền \".vn\" tăng 5% so với năm trước.", "5%"),
    ("internet.vn_domains_new", "Năm 2016 đã có 106.140 tên miền được đăng ký mới; tên miền mới và tên miền phát triển mới tăng đều.", "106.140 tên miền"),
    # another metric's cue right after the one in the number's own words qualifies it
    ("internet.vn_domains_new", "Mỗi tháng có khoảng 4.000 tên miền .vn đăng ký mới, nâng tổng số lên 680.000 tên miền.", "khoảng 4.000 tên miền"),
    ("internet.vn_domains", "Mỗi tháng có khoảng 4.000 tên miền .vn đăng ký mới, nâng tổng số lên 680.000 tên miền.", "680.000 tên miền"),
    ("internet.vn_domains_new", "Có 4.000 tên miền .vn được đăng ký mới trong tháng.", "4.000 tên miền"),
    # a counting metric's cue in the clause says more than the counted noun after the number
    ("internet.vn_domains_new", "Trong năm 2016, số tên miền đăng ký mới đạt 106.140 tên miền, tăng 12%.", "106.140 tên miền"),
    ("internet.vn_domains_new", "Trong năm 2016, số tên miền đăng ký mới đạt 106.140 tên miền, tăng 12%.", "12%"),
    ("internet.vn_domains", "Có 680.000 tên miền .vn, đăng ký mới tăng 4%.", "680.000 tên miền"),
    ("ict.profit", "Năm 2024, FPT ghi nhận doanh thu 62.849 tỷ đồng và lợi nhuận trước thuế 11.071 tỷ đồng.", "11.071 tỷ đồng"),
    # "lãi ròng", "lãi trước thuế" (net, pre-tax profit) say profit as company results write it
    ("ict.profit", "Doanh thu thuần của Viettel Construction đạt 9.800 tỷ đ, lãi ròng 550 tỷ đ.", "550 tỷ đ"),
    ("ict.profit", "FPT báo lãi trước thuế 9.000 tỷ đồng, tăng 20%.", "20%"),
    ("ict.profit", "Năm 2024, CMC ghi nhận lãi sau thuế 300 tỷ đồng.", "300 tỷ đồng"),
    ("ict.profit", "Biên lãi gộp cải thiện, lãi gộp đạt 2.100 tỷ đồng.", "2.100 tỷ đồng"),
    ("internet.users", "Việt Nam có 86% người dùng Internet và 40 triệu thuê bao.", "86%"),
    # "lần lượt": a list measures, in order, what the numbers (or the subjects named) before it measure
    ("ict.profit", "Năm 2024, FPT ghi nhận doanh thu 62.849 tỷ đồng và lợi nhuận trước thuế 11.071 tỷ đồng, tăng lần lượt 19,4% và 19,7%.", "19,7%"),
    ("ict.budget_contribution", "Doanh thu viễn thông đạt 340.000 tỷ đồng, lợi nhuận 50.000 tỷ đồng, nộp ngân sách 40.000 tỷ đồng, tăng lần lượt 3%, 5% và 7%.", "7%"),
    ("ict.profit", "Doanh thu viễn thông đạt 340.000 tỷ đồng, lợi nhuận 50.000 tỷ đồng, nộp ngân sách 40.000 tỷ đồng, tăng lần lượt 3%, 5% và 7%.", "5%"),
    ("internet.ipv6_adoption", "Tỷ lệ sử dụng IPv6 và tỷ lệ người dùng Internet lần lượt là 60% và 79%.", "60%"),
    ("internet.users", "Tỷ lệ sử dụng IPv6 và tỷ lệ người dùng Internet lần lượt là 60% và 79%.", "79%"),
    ("telecom.fixed_broadband_subscribers", "Số thuê bao di động và thuê bao băng rộng cố định lần lượt đạt 130 triệu và 24 triệu.", "24 triệu"),
    # one subject for the whole list: every number measures it
    ("internet.ipv6_adoption", "FPT Telecom và VNPT dẫn đầu với tỷ lệ ứng dụng IPv6 lần lượt là 31,7% và 21,12%.", "21,12%"),
    # a noun before the number: the cues around it say more than the noun alone
    ("internet.vn_domains_new", "Số tên miền đăng ký mới là 120.000.", "120.000"),
    ("internet.vn_domains_new", "Số lượng tên miền .vn duy trì là 580.000, tên miền mới đăng ký 120.000.", "120.000"),
    ("internet.vn_domains", "Số lượng tên miền .vn duy trì là 580.000, tên miền mới đăng ký 120.000.", "580.000"),
    ("internet.vietnamese_domains", "Hiện có 1.500 tên miền tiếng Việt đang được sử dụng.", "1.500 tên miền tiếng Việt"),
    ("internet.ipv4_addresses", "Việt Nam sở hữu hơn 16 triệu địa chỉ IPv4, tương đương địa chỉ IP v4 của Thái Lan.", "hơn 16 triệu địa chỉ IPv4"),
    ("internet.ipv6_adoption", "Tỷ lệ ứng dụng IPv6 của Việt Nam đạt 53%, nhờ chuyển đổi IPv6, triển khai IPv6, sử dụng IPv6 và truy cập Internet qua IPv6.", "53%"),
    ("internet.users", "Số người sử dụng Internet đạt 72 triệu người, cao hơn số người dùng Internet, người dùng mạng Internet hay người sử dụng mạng Internet năm trước.", "72 triệu người"),
    ("internet.users", "Tỷ lệ phổ cập Internet đạt 78,1%, cao hơn mức trung bình thế giới.", "78,1%"),
    ("internet.users", "Tỷ lệ người dân sử dụng Internet đạt 79%, tỷ lệ sử dụng Internet và tỷ lệ dân số sử dụng Internet năm trước.", "79%"),
    ("telecom.mobile_subscribers", "Việt Nam hiện có hơn 116 triệu thuê bao di động.", "hơn 116 triệu thuê bao di động"),
    ("telecom.mobile_subscribers", "Cả nước có 125 triệu thuê bao điện thoại di động.", "125 triệu thuê bao điện thoại di động"),
    ("telecom.smartphone_subscribers", "Số thuê bao sử dụng điện thoại thông minh đạt 100,6 triệu thuê bao, vượt thuê bao điện thoại thông minh và smartphone năm trước.", "100,6 triệu thuê bao"),
    ("telecom.smartphone_subscribers", "Tỷ lệ thuê bao sử dụng điện thoại thông minh đạt 87%, số thuê bao di động tăng 5%.", "87%"),
    ("telecom.mobile_broadband_subscribers", "Số thuê bao băng rộng di động đạt 85,6 triệu thuê bao.", "85,6 triệu thuê bao"),
    ("telecom.fixed_broadband_subscribers", "Số thuê bao băng rộng cố định đạt 21 triệu thuê bao.", "21 triệu thuê bao"),
    # provincial reports name the service: "thuê bao Internet băng rộng"
    ("telecom.fixed_broadband_subscribers", "Thuê bao Internet băng rộng cố định đạt 612.000 thuê bao, tăng 6%.", "612.000 thuê bao"),
    ("telecom.mobile_broadband_subscribers", "Số thuê bao Internet băng rộng di động đạt 2,9 triệu thuê bao.", "2,9 triệu thuê bao"),
    ("telecom.fiber_households", "Tỷ lệ hộ gia đình sử dụng cáp quang đạt 78,76%.", "78,76%"),
    ("telecom.revenue", "Doanh thu dịch vụ viễn thông đạt 140.000 tỷ đồng, vượt doanh thu viễn thông và doanh thu lĩnh vực viễn thông cùng kỳ.", "140.000 tỷ đồng"),
    ("ict.sector_revenue", "Năm 2019, tổng doanh thu toàn ngành dự kiến đạt gần 135 tỷ USD, bằng doanh thu của toàn ngành hai năm trước.", "gần 135 tỷ USD"),
    ("ict.industry_revenue", "Ngành công nghiệp ICT đạt doanh thu 118 tỷ USD, gồm công nghiệp CNTT, công nghiệp công nghệ thông tin và công nghiệp công nghệ số.", "118 tỷ USD"),
    ("ict.hardware_exports", "Xuất khẩu phần cứng, điện tử đạt 110 tỷ USD; xuất khẩu thiết bị điện tử tăng mạnh.", "110 tỷ USD"),
    ("ict.budget_contribution", "Nộp ngân sách nhà nước đạt gần 50.000 tỷ đồng.", "gần 50.000 tỷ đồng"),
    ("ict.budget_contribution", "Ngành đóng góp 32 nghìn tỷ đồng vào ngân sách nhà nước.", "32 nghìn tỷ đồng"),
    ("ict.budget_contribution", "Toàn ngành nộp NSNN ước đạt 9.295 tỷ đồng, đóng góp lớn cho NSNN của tỉnh.", "9.295 tỷ đồng"),
    ("ict.profit", "Lợi nhuận của các doanh nghiệp đạt 3 tỷ USD.", "3 tỷ USD"),
    ("ict.gdp_contribution", "Ngành có đóng góp vào GDP khoảng 14%, và đóng góp lớn cho tăng trưởng GDP.", "khoảng 14%"),
    ("ict.labor", "Ngành giải quyết việc làm cho hơn 1 triệu lao động.", "hơn 1 triệu lao động"),
    # guards the clause-opening cue: a cue later in the clause, after a comma inside a list of nouns
    ("security.attacks", "Có tới 46,15% cơ quan, doanh nghiệp Việt Nam đã từng bị tấn công mạng.", "46,15%"),
    ("ict.labor", "Lực lượng lao động ngành ICT đạt 1,6 triệu người.", "1,6 triệu người"),
    # a clause after ";" of only times, plans and value words goes on with the figure before it
    ("ict.sector_revenue", "Năm ngoái, doanh thu toàn ngành đạt 3,9 triệu tỷ đồng; năm nay phấn đấu đạt trên 4,2 triệu tỷ đồng.", "trên 4,2 triệu tỷ đồng"),
    ("telecom.revenue", "Doanh thu viễn thông tháng 9 đạt 30.000 tỷ đồng; lũy kế 9 tháng đạt 280.000 tỷ đồng.", "280.000 tỷ đồng"),
    ("telecom.revenue", "Doanh thu viễn thông quý III/2025 đạt 100 tỷ đồng; quý IV ước đạt 120 tỷ đồng.", "120 tỷ đồng"),
    ("ict.labor", "Ngành thu hút 1,5 triệu người lao động.", "1,5 triệu người lao động"),
    # guards the measured nouns: a change of the count itself, and a measure that is the cue
    ("ict.digital_enterprises", "Số doanh nghiệp công nghệ số tăng 5%, doanh thu tăng 10%.", "5%"),
    ("postal.items", "Sản lượng bưu gửi tăng 15%.", "15%"),
    ("ict.digital_enterprises", "Theo đánh giá, số doanh nghiệp công nghệ số tăng 10%.", "10%"),
    # a clause that leaves out the head of the cue before ("doanh thu", "thuê bao") names its own metric
    ("telecom.revenue", "Doanh thu bưu chính đạt 500 tỷ đồng, viễn thông đạt 2.700 tỷ đồng.", "2.700 tỷ đồng"),
    ("telecom.revenue", "Doanh thu bưu chính đạt 500 tỷ đồng và viễn thông 2.700 tỷ đồng.", "2.700 tỷ đồng"),
    # ... after any clause opener of context.toml ("còn", "trong khi")
    ("postal.revenue", "Doanh thu viễn thông đạt 2.700 tỷ đồng, còn bưu chính đạt 500 tỷ đồng.", "500 tỷ đồng"),
    ("postal.revenue", "Doanh thu viễn thông đạt 2.700 tỷ đồng, bưu chính 500 tỷ đồng, tăng 12%.", "500 tỷ đồng"),
    ("postal.revenue", "Doanh thu viễn thông đạt 2.700 tỷ đồng, bưu chính 500 tỷ đồng, tăng 12%.", "12%"),
    ("telecom.fixed_broadband_subscribers", "Số thuê bao di động đạt 125 triệu thuê bao, băng rộng cố định đạt 23 triệu thuê bao.", "23 triệu thuê bao"),
    # a headline's "lãi" (made a profit of)
    ("ict.profit", "Viettel lãi hơn 50.000 tỷ đồng năm 2024", "hơn 50.000 tỷ đồng"),
    ("ict.profit", "FPT báo lãi 9.000 tỷ đồng, tăng 20%.", "20%"),
    # guards the exclude list of security.attacks: the incidents a response team handled
    ("security.attacks", "Đội ứng cứu sự cố đã xử lý 1.200 sự cố.", "1.200 sự cố"),
    # guards the exclude list of ict.labor: the workforce itself, then its growth
    ("ict.labor", "Số lao động trong ngành đạt 1,5 triệu người, tăng 7%.", "7%"),
    ("ict.digital_enterprises", "Cả nước có 70.000 doanh nghiệp công nghệ số, trong đó nhiều doanh nghiệp số mới.", "70.000 doanh nghiệp"),
    ("ict.make_in_vietnam_share", "Tỷ trọng Make in Viet Nam đạt 25%, cao hơn tỷ trọng Make in Vietnam năm trước.", "25%"),
    ("postal.revenue", "Doanh thu dịch vụ bưu chính ước đạt 5.250 tỷ đồng, cao hơn doanh thu bưu chính và doanh thu lĩnh vực bưu chính cùng kỳ.", "5.250 tỷ đồng"),
    ("postal.items", "Sản lượng bưu gửi ước đạt 220 triệu bưu gửi.", "220 triệu bưu gửi"),
    ("postal.enterprises", "Trong lĩnh vực Bưu chính, hiện toàn ngành có 440 doanh nghiệp bưu chính.", "440 doanh nghiệp"),
    ("postal.service_points", "Toàn ngành có hơn 18.000 điểm phục vụ bưu chính.", "hơn 18.000 điểm phục vụ bưu chính"),
    # the network named first, its points then called "điểm phục vụ" or "điểm" alone
    ("postal.service_points", "Mạng lưới bưu chính có hơn 17.000 điểm phục vụ, trong đó có 10.600 điểm có người phục vụ.", "hơn 17.000 điểm phục vụ"),
    ("postal.service_points", "Mạng lưới bưu chính có hơn 17.000 điểm phục vụ, trong đó có 10.600 điểm có người phục vụ.", "10.600 điểm"),
    ("postal.service_points", "Mạng bưu chính công cộng có 8.000 điểm bưu điện văn hóa xã.", "8.000 điểm bưu điện văn hóa xã"),
    ("postal.service_points", "Tỉnh có 300 điểm bưu điện văn hoá xã.", "300 điểm bưu điện văn hoá xã"),
    ("egov.online_services_level4", "Bộ đạt 100% tỷ lệ DVCTT mức độ 4, gồm dịch vụ công trực tuyến mức độ 4 toàn trình; DVCTT khác chưa tính.", "100%"),
    ("egov.online_dossiers", "Tỷ lệ hồ sơ giải quyết trực tuyến đạt 41%.", "41%"),
    # the rate is of dossiers: "toàn trình" (handled wholly online) says which ones
    ("egov.online_dossiers", "Tỷ lệ hồ sơ trực tuyến toàn trình đạt 42,5%, tăng 6,2 điểm phần trăm.", "42,5%"),
    # a rate's change in percentage points is that rate's
    ("egov.online_dossiers", "Tỷ lệ hồ sơ trực tuyến toàn trình đạt 42,5%, tăng 6,2 điểm phần trăm.", "6,2 điểm phần trăm"),
    ("digital_economy.gdp_share", "Kinh tế số chiếm 18,3% GDP, tăng 1,5 điểm phần trăm so với năm trước.", "1,5 điểm phần trăm"),
    ("egov.online_services_level4", "Tỷ lệ dịch vụ công trực tuyến toàn trình đạt 80%.", "80%"),
    ("security.gci_rank", "Trong bảng xếp hạng về an toàn, an ninh mạng toàn cầu do ITU đánh giá (GCI), chỉ số an toàn, an ninh mạng của Việt Nam ở vị trí 25.", "vị trí 25"),
    # the total after a rank ("25/194 quốc gia") does not keep a later cue from the rank
    ("security.gci_rank", "Việt Nam xếp thứ 25/194 quốc gia về chỉ số an toàn thông tin toàn cầu GCI.", "xếp thứ 25"),
    ("security.attacks", "Có 13.900 cuộc tấn công mạng, gồm các vụ tấn công, cuộc tấn công và sự cố.", "13.900 cuộc tấn công"),
    ("security.attacks", "Hệ thống đã cảnh báo 659.000 lượt tấn công và ngăn chặn 12 đợt tấn công quy mô lớn.", "12 đợt tấn công"),
    # the clause opens with the rest of a cue whose head is the counted noun
    ("telecom.mobile_subscribers", "Tổng số thuê bao điện thoại: 1.450.000 thuê bao, trong đó di động 1.420.000 thuê bao.", "1.420.000 thuê bao"),
    ("security.revenue", "Doanh thu lĩnh vực an toàn thông tin đạt 432 tỷ đồng.", "432 tỷ đồng"),
    ("security.domestic_share", "Việt Nam tự chủ được trên 90% các sản phẩm, dịch vụ an toàn thông tin mạng.", "trên 90%"),
    ("digital_economy.gdp_share", "Phát triển kinh tế số đạt 20% GDP vào năm 2025.", "20%"),
    # a province's share of its regional product (GRDP), even after a number of another metric
    ("digital_economy.gdp_share", "Mục tiêu 85% hộ gia đình có cáp quang và kinh tế số chiếm 25% GRDP của tỉnh.", "25%"),
    ("press.agencies", "Cả nước còn 779 cơ quan báo chí.", "779 cơ quan báo chí"),
    ("press.agencies", "Tổng số cơ quan báo chí là 779 cơ quan, trong đó có 127 báo.", "779 cơ quan"),
    ("apps.users", "Ứng dụng Bluezone có hơn 25 triệu người dùng; nền tảng này có thêm người dùng mỗi ngày.", "hơn 25 triệu người dùng"),
    ("payments.mobile_money_customers", "Số lượng khách hàng sử dụng dịch vụ Mobile Money đạt 5,16 triệu khách hàng.", "5,16 triệu khách hàng"),
    ("payments.mobile_money_customers", "Số lượng tài khoản thanh toán Mobile Money đạt 8,7 triệu, 70% ở nông thôn.", "8,7 triệu"),
    ("security.revenue", "Trong lĩnh vực An toàn thông tin, doanh thu tháng 9/2023 đạt 432 tỷ đồng.", "432 tỷ đồng"),
    # a sentence that points back to the figure before ("Con số này") or names its growth rate
    ("security.attacks", "Trong tháng 11 đã xử lý 1.012 cuộc tấn công mạng. Con số này giảm 8,9% so với tháng 10.", "8,9%"),
    ("telecom.revenue", "Doanh thu viễn thông năm 2024 đạt 340.000 tỷ đồng. Con số này tăng 1,2 lần so với năm 2020.", "1,2 lần"),
    ("internet.vn_domains", "Năm 2006 số tên miền .vn đã lên 20.579 tên miền. Mức tăng trên 100% luôn được duy trì qua các năm.", "trên 100%"),
    # a new subject made only of carry-over words ("tỷ lệ tăng") goes on with the number before
    ("telecom.revenue", "Doanh thu viễn thông đạt 10 tỷ USD, tỷ lệ tăng 12%.", "12%"),
    # ... and one that names something takes its own cue
    ("telecom.fixed_broadband_subscribers", "Số thuê bao di động đạt 120 triệu, số thuê bao băng rộng cố định đạt 22 triệu.", "22 triệu"),
    # the cues before the number before are that number's: a change after it goes on with it
    ("ict.labor", "Tổng số lao động trong lĩnh vực công nghiệp ICT khoảng 1,7 triệu người, tăng 5,4%.", "5,4%"),
    # ... unless a cue of its own stands between them
    ("ict.profit", "Tổng số lao động trong lĩnh vực công nghiệp ICT khoảng 1,7 triệu người, lợi nhuận tăng 5,4%.", "5,4%"),
    # counts of other nouns after a breakdown word measure what the number before measures
    ("press.agencies", "Cả nước còn 779 cơ quan báo chí, trong đó có 72 cơ quan phát thanh, truyền hình, 142 báo, 612 tạp chí.", "612 tạp chí"),
    ("ict.labor", "Mục tiêu đến năm 2030, Việt Nam có 100.000 doanh nghiệp công nghệ số, 1,5 triệu nhân lực công nghệ số.", "1,5 triệu nhân lực"),
    # a number restating the one before in another unit measures what it measures
    ("internet.users", "Việt Nam có 84 triệu người dùng Internet, tương đương 84,2% dân số.", "84,2%"),
    ("ict.industry_revenue", "Doanh thu công nghiệp ICT đạt 3,2 triệu tỷ đồng, tức khoảng 126 tỷ USD.", "khoảng 126 tỷ USD"),
    # a measure opening a clause ends what the cues before it describe, unless a cue holds it
    ("security.revenue", "Trong lĩnh vực An toàn thông tin, doanh thu tháng 9/2023 đạt 432 tỷ đồng, tăng 87,8%.", "87,8%"),
    ("ict.hardware_exports", "Nhập khẩu đạt 97,2 tỷ USD, kim ngạch xuất khẩu phần cứng đạt 119,3 tỷ USD.", "119,3 tỷ USD"),
    ("postal.enterprises", "Cả nước có 742 doanh nghiệp cung cấp dịch vụ bưu chính.", "742 doanh nghiệp"),
    # ... nor a cue that fronts the topic before the comma, with no number after it
    ("ict.industry_revenue", "Về công nghiệp ICT, doanh thu 10 tháng ước đạt 2.980.000 tỷ đồng, tăng 25,8%.", "2.980.000 tỷ đồng"),
]


@pytest.mark.parametrize("metric, text, surface", METRIC_SENTENCES, ids=[m for m, *_ in METRIC_SENTENCES])
def test_metric_from_cue(metric, text, surface):
    assert row(text, surface).metric == metric


@pytest.mark.parametrize(
    "text, surface",
    [
        ("Bộ đã giảm được 13 đơn vị.", "13 đơn vị"),  # unknown subject: no guess
        # a cue opening the next clause is that clause's subject, not a word about this number
        ("Doanh thu của nền kinh tế số đạt khoảng 6 tỷ USD, lợi nhuận của các nền tảng lần đầu tiên dương.", "khoảng 6 tỷ USD"),
        ("ngành công nghiệp ICT đạt 118 tỷ USD, gấp 2,4 lần tốc độ tăng GDP", "2,4 lần"),  # a multiple without a change
        ("Có 15 nhà đăng ký tên miền .vn hoạt động.", "15 nhà đăng ký tên miền"),  # counts registrars, not domains
        ("Trong 11 tháng, cả nước có 10,4 triệu thuê bao di động mới.", "10,4 triệu thuê bao di động"),  # new, not total
        ("Việt Nam đứng thứ 2 ASEAN về số địa chỉ IPv4.", "đứng thứ 2"),  # a rank of IPv4 holdings is not a count of them
        # a clause after ";" that names something else ("đầu tư") is not the revenue's
        ("Doanh thu viễn thông đạt 100 tỷ đồng; đầu tư 10 tỷ đồng cho 5G.", "10 tỷ đồng"),
        # ... nor one in another unit
        ("Doanh thu viễn thông đạt 100 tỷ đồng; năm nay đạt 5%.", "5%"),
        # a rate whose own words name something ("tỷ trọng thương mại điện tử") links back to no earlier cue
        ("Năm 2030, tỷ trọng kinh tế số đạt 30% GDP. Tỷ trọng thương mại điện tử trong tổng mức bán lẻ đạt trên 20%.", "trên 20%"),
        # after the number before, a clause opened by a new subject names its own indicator
        ("Phấn đấu đến năm 2030, kinh tế số chiếm 30% GDP, tỷ lệ dân số trưởng thành có chữ ký số đạt trên 50%.", "trên 50%"),
        ("Kinh tế số chiếm 18,3% GDP, trong đó tỷ trọng doanh nghiệp nhỏ ứng dụng nền tảng số là 40%.", "40%"),
        # without a breakdown word, a count of another noun is another figure
        ("Ứng dụng VNeID có 55 triệu người dùng, với 2,1 tỷ lượt truy cập.", "2,1 tỷ lượt truy cập"),
        ("Cả nước có 74.000 doanh nghiệp công nghệ số, 12.000 sản phẩm số.", "12.000 sản phẩm"),
        # a number restating one that measures nothing measures nothing either, whatever cue
        # stands before both: damage from attacks is not an attack count or rate
        ("Thiệt hại do tấn công mạng ước tính lên tới 17.000 tỷ đồng, tương đương 0,08% GDP.", "0,08%"),
        ("Thiệt hại do các vụ tấn công mạng khoảng 8.900 tỷ đồng (tương ứng 0,02% GDP).", "0,02%"),
        # a cue after "và" is the next number's subject: company revenue is not profit
        ("Năm 2024, FPT ghi nhận doanh thu 62.849 tỷ đồng và lợi nhuận trước thuế 11.071 tỷ đồng.", "62.849 tỷ đồng"),
        ("Năm 2024, FPT ghi nhận doanh thu 62.849 tỷ đồng và lợi nhuận trước thuế 11.071 tỷ đồng, tăng lần lượt 19,4% và 19,7%.", "19,4%"),
        ("Lãi suất cho vay ưu đãi là 8%/năm.", "8%"),  # an interest rate is no profit
        ("Doanh nghiệp phải trả lãi vay 1.200 tỷ đồng.", "1.200 tỷ đồng"),  # nor is interest paid
        ("Tiền lãi tiền gửi đạt 300 tỷ đồng.", "300 tỷ đồng"),  # ... or earned
        # labour productivity and the labour market are not the workforce
        ("Năng suất lao động hàng năm tăng tối thiểu 7%.", "tối thiểu 7%"),
        ("Nhu cầu của thị trường lao động CNTT tăng 8% mỗi năm.", "8%"),
        ("Tai nạn lao động giảm 12% so với năm trước.", "12%"),
        # incident response and defences against attacks are not attacks
        ("Chỉ có 31% doanh nghiệp có bộ phận chuyên trách, trong khi 58% chưa từng diễn tập ứng cứu sự cố.", "58%"),
        ("Có 45% cơ quan đã triển khai giải pháp phòng, chống tấn công mạng.", "45%"),
        # a change whose clause names a measure (revenue, damage) changes that, not a count
        ("Doanh thu quảng cáo của các cơ quan báo chí giảm khoảng 20-30% trong 5 năm gần đây.", "khoảng 20-30%"),
        ("Số doanh nghiệp công nghệ số tăng 5%, doanh thu tăng 10%.", "10%"),
        ("Thiệt hại do tấn công mạng tăng 20%.", "20%"),
        ("Cả nước có 779 cơ quan báo chí, doanh thu đã giảm 70% so với năm 2019.", "70%"),
        # postal and telecom revenue together is not the postal part
        ("Doanh thu lĩnh vực bưu chính, viễn thông ước đạt 3.200 tỷ đồng.", "3.200 tỷ đồng"),
        ("Doanh thu bưu chính - viễn thông tăng 12%.", "12%"),
        # ... nor is an outage
        ("Sự cố đứt cáp AAG lần thứ 3 trong năm khiến 40% dung lượng kết nối quốc tế bị ảnh hưởng.", "40%"),
        ("Năm 2024 xảy ra 12 sự cố kỹ thuật.", "12 sự cố"),
        # a counting metric's cue before a count of another noun described that noun
        ("Trong năm 2012, số thuê bao điện thoại phát triển mới ước đạt 10,2 triệu thuê bao, giảm 24,3% so với năm 2011.", "24,3%"),
        # ... nor does the number after it go on with the workforce counted before
        ("Số lao động trong ngành đạt 1,5 triệu người, năng suất lao động tăng 7%.", "7%"),
        ("Tỷ lệ sử dụng IPv6 đạt 60%, người dùng IPv6 tăng 5%.", "5%"),
        # a clause opening with a measure of its own does not go on with the metric before it
        ("Xuất khẩu phần cứng, điện tử đạt 119,3 tỷ USD, nhập khẩu 97,2 tỷ USD.", "97,2 tỷ USD"),
        ("Xuất khẩu phần cứng, điện tử đạt 119,3 tỷ USD, nhập  khẩu 97,2 tỷ USD.", "97,2 tỷ USD"),  # two spaces inside
        ("Doanh thu viễn thông đạt 337.000 tỷ đồng, chi phí 300.000 tỷ đồng, tăng 3%.", "300.000 tỷ đồng"),
        ("Doanh thu viễn thông đạt 337.000 tỷ đồng, chi phí 300.000 tỷ đồng, tăng 3%.", "3%"),
        ("Doanh thu công nghiệp ICT đạt 130 tỷ USD, trong đó doanh thu phần cứng đạt 121,6 tỷ USD.", "121,6 tỷ USD"),
    ],
)
def test_no_metric(text, surface):
    assert row(text, surface).metric == ""


def test_a_cue_after_a_number_belongs_to_the_next_number_when_one_follows():
    text = "Tỷ lệ dân số trưởng thành sử dụng điện thoại thông minh đạt 84%, trong khi tỷ lệ hộ gia đình sử dụng Internet cáp quang đạt 82%."
    assert row(text, "84%").metric == ""
    assert row(text, "82%").metric == "telecom.fiber_households"


def test_a_cue_after_the_next_number_is_not_in_this_numbers_own_words():
    # the clause runs on without a comma: "lợi nhuận" gave the revenue figure ict.profit
    text = "Năm 2024, doanh thu đạt 10,5 tỷ USD và lợi nhuận 1,2 tỷ USD."
    assert row(text, "10,5 tỷ USD").metric == ""
    assert row(text, "1,2 tỷ USD").metric == "ict.profit"
    assert row("Doanh nghiệp có 86% người dùng Internet và 40 triệu thuê bao.", "86%").metric == "internet.users"


def test_percent_takes_a_revenue_metric_only_with_a_change():
    text = "Doanh thu toàn ngành đạt 100 tỷ USD, tăng 7%, chiếm 14%."
    assert row(text, "7%").metric == "ict.sector_revenue"
    assert row(text, "14%").metric == ""


def test_metric_follows_the_number_before_it_in_the_clause():
    text = "Cả nước còn 779 cơ quan báo chí, trong đó có 142 báo, 612 tạp chí."
    assert row(text, "142 báo").metric == "press.agencies"


def test_rate_links_back_to_the_paragraph():
    text = "Những quốc gia dẫn đầu về triển khai IPv6 là Bỉ (58,5%). Việt Nam đứng thứ 25 thế giới với tỷ lệ 14,43%."
    assert row(text, "14,43%").metric == "internet.ipv6_adoption"


def test_user_taxonomy_adds_metrics(tmp_path):
    extra = tmp_path / "extra.toml"
    extra.write_text('[[metric]]\nid = "telecom.bts"\ndescription = "base stations"\ncues = ["trạm BTS"]\nunits = ["count"]\n', encoding="utf-8")
    text = "Viettel có 6.500 trạm BTS."
    assert row(text, "6.500 trạm BTS").metric == ""
    assert row(text, "6.500 trạm BTS", taxonomy_files=(str(extra),)).metric == "telecom.bts"


# --- periods -------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, surface, period",
    [
        ("Năm 2019, tổng doanh thu đạt 135 tỷ USD.", "135 tỷ USD", "2019"),
        ("Tính đến hết tháng 5/2020, có 509.262 tên miền.", "509.262 tên miền", "2020-05"),
        ("Trong 6 tháng đầu năm 2019, doanh thu đạt 1.347.087 tỷ đồng.", "1.347.087 tỷ đồng", "2019-01/2019-06"),
        ("trong 9 tháng đầu năm 2025, Việt Nam có 412 vụ lộ lọt dữ liệu", "412 vụ lộ lọt dữ liệu", "2025-01/2025-09"),
        ("Trong quý I/2025, Viettel có hơn 8 triệu người dùng 5G.", "hơn 8 triệu người dùng 5G", "2025-01/2025-03"),
        ("Tính đến ngày 31/8/2023, có 5,16 triệu khách hàng.", "5,16 triệu khách hàng", "2023-08-31"),
        ("phấn đấu đến năm 2025 đạt 80%", "80%", "2025"),
        ("từ thứ hạng 100 năm 2017 lên thứ hạng 50 năm 2019", "thứ hạng 50", "2019"),
        ("Phát triển tên miền đạt 1.000.000 tên miền vào năm 2025", "1.000.000 tên miền", "2025"),
        ("Gần 50% doanh nghiệp bị tấn công mạng năm 2024", "Gần 50%", "2024"),
        ("Năm 2020 doanh thu đạt 118 tỷ USD, tăng trưởng 7% so với năm 2019", "7%", "2020"),
        ("tháng 9/2023, doanh thu đạt 432 tỷ đồng (so với tháng 9/2022: khoảng 230 tỷ đồng)", "432 tỷ đồng", "2023-09"),
        ("Lĩnh vực Viễn thông, tính đến tháng 9/2023, tỷ lệ đạt 78,76%. Số thuê bao đạt 100,6 triệu thuê bao.", "100,6 triệu thuê bao", "2023-09"),
        ("Bộ đã giảm được 13 đơn vị.", "13 đơn vị", ""),
        ("Tháng 9/2023 doanh thu đạt 432 tỷ đồng, tăng 87,8% so với tháng 9/2022 (khoảng 230 tỷ đồng).", "khoảng 230 tỷ đồng", "2022-09"),
        ("Theo Nghị định số 47/2020/NĐ-CP ngày 09/4/2020, có 3 nhà mạng.", "3 nhà mạng", ""),
        # "10 tháng năm 2024" without "đầu" is still the first ten months, when its year is written
        ("Xuất khẩu 10 tháng năm 2024 ước đạt 109,3 tỷ USD.", "109,3 tỷ USD", "2024-01/2024-10"),
        (" date 2023-12 Trong 11 tháng năm nay, doanh thu đạt 5 tỷ USD.", "5 tỷ USD", "2023-01/2023-11"),
        ("Doanh thu 6 tháng cuối năm 2024 đạt 5 tỷ USD.", "5 tỷ USD", "2024-07/2024-12"),
        # bulletins name the months of the year so far with no year: the document's year
        (" date 2026-10 Doanh thu 9 tháng ước đạt 2,8 triệu tỷ đồng.", "2,8 triệu tỷ đồng", "2026-01/2026-09"),
        (" date 2026-10 Kim ngạch xuất khẩu phần cứng, điện tử 9 tháng đạt khoảng 102 tỷ USD.", "khoảng 102 tỷ USD", "2026-01/2026-09"),
        (" date 2026-10 Lũy kế 9 tháng, số thuê bao đạt 24,5 triệu thuê bao.", "24,5 triệu thuê bao", "2026-01/2026-09"),
        # the other tone spelling of a lexicon word ("luỹ" for "lũy") is read as well
        (" date 2026-10 Luỹ kế 9 tháng, số thuê bao đạt 24,5 triệu thuê bao.", "24,5 triệu thuê bao", "2026-01/2026-09"),
        (" date 2026-07 Tính chung sáu tháng, doanh thu đạt 5 tỷ USD.", "5 tỷ USD", "2026-01/2026-06"),
        # a year stated in an earlier sentence's comparison is the baseline's, not these months'
        (" date 2026-10 Doanh thu tăng 11% so với cùng kỳ năm 2025. Lũy kế 9 tháng, số thuê bao đạt 24,5 triệu thuê bao.",
         "24,5 triệu thuê bao", "2026-01/2026-09"),
        ("Năm 2025 có nhiều đổi mới. Lũy kế 9 tháng, số thuê bao đạt 24,5 triệu thuê bao.", "24,5 triệu thuê bao", "2025-01/2025-09"),
        # "sau 9 tháng" is a span of time (a duration row), not the months of the year so far
        (" date 2026-10 Sau 9 tháng triển khai, ứng dụng đạt 1 triệu người dùng.", "1 triệu người dùng", ""),
        # a quarter with a relative year, or none: the nearby or the document's year
        (" date 2026-07 Doanh thu quý II năm nay ước đạt 95 nghìn tỷ đồng.", "95 nghìn tỷ đồng", "2026-04/2026-06"),
        (" date 2026-07 Trong quý I, số thuê bao di động tăng thêm 500 nghìn thuê bao.", "500 nghìn thuê bao", "2026-01/2026-03"),
        (" date 2026-01 Năm 2025 là năm bứt phá. Trong quý 4, doanh thu đạt 5 tỷ USD.", "5 tỷ USD", "2025-10/2025-12"),
        (" date 2026-01 Doanh thu quý IV năm ngoái đạt 5 tỷ USD.", "5 tỷ USD", "2025-10/2025-12"),
        # "vừa" is "just now" only as an adverb: small and medium firms are not news of the day
        (" date 2025-03-20 Tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số đạt 45%.", "45%", ""),
        (" date 2025-03-20 Các doanh nghiệp vừa và nhỏ chiếm 97% tổng số doanh nghiệp.", "97%", ""),
        (" date 2025-03-20 Gói cước vừa túi tiền có giá 50.000 đồng.", "50.000 đồng", ""),
        (" date 2025-03-20 Bộ vừa công bố 45 dịch vụ công trực tuyến.", "45 dịch vụ công trực tuyến", "2025-03"),
        # "so với cuối năm 2024" is the baseline, never the period (it was, as a year later in the clause)
        (" date 2025-09-05 Số tên miền .vn đạt 680.000 tên miền, tăng 2% so với cuối năm 2024.", "2%", ""),
        ("Năm 2025 doanh thu tăng 5% so với thời điểm đầu năm 2024.", "5%", "2025"),
        # a time a few words after the number, in its clause, is its period
        ("Doanh thu đạt 5 tỷ USD trong quý I/2025.", "5 tỷ USD", "2025-01/2025-03"),
        ("Số thuê bao đạt 5 triệu thuê bao tính đến hết tháng 6/2025.", "5 triệu thuê bao", "2025-06"),
        ("Có 2 triệu người dùng mới chỉ trong tháng 1/2025.", "2 triệu người dùng", "2025-01"),
        ("Doanh thu đạt 5 tỷ USD trong 6 tháng đầu năm 2025.", "5 tỷ USD", "2025-01/2025-06"),
        # halves of a year, quarters written "Q3", and spans of months
        ("Nửa đầu năm 2025, doanh thu đạt 1,9 triệu tỷ đồng.", "1,9 triệu tỷ đồng", "2025-01/2025-06"),
        (" date 2025-11 Nửa cuối năm nay doanh thu ước đạt 2 triệu tỷ đồng.", "2 triệu tỷ đồng", "2025-07/2025-12"),
        ("Trong Q3/2025, Viettel đạt doanh thu 45.000 tỷ đồng.", "45.000 tỷ đồng", "2025-07/2025-09"),
        ("Doanh thu Q4 2024 đạt 50.000 tỷ đồng.", "50.000 tỷ đồng", "2024-10/2024-12"),
        ("Từ tháng 1 đến tháng 9/2025, doanh thu đạt 2,7 triệu tỷ đồng.", "2,7 triệu tỷ đồng", "2025-01/2025-09"),
        ("Từ tháng 11/2024 đến tháng 2/2025, có 5.000 doanh nghiệp mới.", "5.000 doanh nghiệp", "2024-11/2025-02"),
        ("Từ tháng 9 đến tháng 1/2025, có 5.000 doanh nghiệp mới.", "5.000 doanh nghiệp", "2024-09/2025-01"),
        # a parenthesis that only glosses a name ("(EGDI)") does not end the clause; one that
        # says more does
        ("Việt Nam xếp thứ 71/193 về Chỉ số phát triển Chính phủ điện tử (EGDI) năm 2024.", "xếp thứ 71", "2024"),
        ("Việt Nam xếp thứ 71 về Chỉ số (theo đánh giá của 193 nước) năm 2024.", "xếp thứ 71", ""),
        # ... but far on in a long clause it dates something else (the dev gold of fixture 003)
        ("Đại hội có 20 tập thể và 41 cá nhân được tặng Bằng khen vì đã có những thành tích xuất sắc "
         "trong phong trào thi đua yêu nước của Bộ giai đoạn 2015-2020.", "20 tập thể", ""),
        # "từ năm A đến năm B" is the span, not its last year
        ("Từ năm 2011 đến năm 2019, số tên miền .vn tăng 5%.", "5%", "2011/2019"),
        ("Kể từ 2016 đến 2020, doanh thu tăng 5%.", "5%", "2016/2020"),
        # in a span, the level a change started from is the first year's, the level reached the last's
        ("Giai đoạn 2020 - 2023, số doanh nghiệp công nghệ số tăng từ 58.000 lên 73.000 doanh nghiệp.", "58.000", "2020"),
        ("Giai đoạn 2020 - 2023, số doanh nghiệp công nghệ số tăng từ 58.000 lên 73.000 doanh nghiệp.", "73.000 doanh nghiệp", "2023"),
        ("Từ năm 2016 đến năm 2020, doanh thu tăng 5 tỷ USD, từ 5 tỷ USD lên 10 tỷ USD.", "5 tỷ USD", "2016/2020"),
        ("Giai đoạn 2021-2023, doanh thu đạt 10 tỷ USD và 12 tỷ USD.", "12 tỷ USD", "2021/2023"),
        # ... and so is "năm A-B", which dated the figure by its first year
        ("Trong 5 năm 2019-2023, số doanh nghiệp công nghệ số tăng thêm 24.000 doanh nghiệp.", "24.000 doanh nghiệp", "2019/2023"),
        ("Trong các năm 2023 - 2024, doanh thu đạt 5 tỷ USD.", "5 tỷ USD", "2023/2024"),
        # "gần đây" after a count of years or months closes a span (the last five years), not now
        (" date 2025-06-21 Doanh thu giảm 20-30% trong 5 năm gần đây, do khoảng 70% ngân sách chảy ra nước ngoài.", "khoảng 70%", ""),
        (" date 2025-06-21 Trong 3 tháng gần đây, có 1.200 vụ lừa đảo.", "1.200 vụ lừa đảo", ""),
        (" date 2025-06-21 Thời gian gần đây, có 1.200 vụ lừa đảo.", "1.200 vụ lừa đảo", "2025-06"),
        # the months ending with a month named, not the year's first months
        (" date 2025-11-06 Vốn đầu tư chỉ còn 500 triệu USD trong 12 tháng tính đến tháng 6/2025.", "500 triệu USD", "2024-07/2025-06"),
        (" date 2025-11-06 Trong 12 tháng tính đến hết tháng 6/2025, vốn đầu tư đạt 500 triệu USD.", "500 triệu USD", "2024-07/2025-06"),
        ("Sáu tháng tính tới tháng 3/2025, doanh thu đạt 5 tỷ USD.", "5 tỷ USD", "2024-10/2025-03"),
        # a fiscal or school year is the year (span) it names
        ("Năm tài chính 2024, FPT Telecom ghi nhận lợi nhuận trước thuế 2.800 tỷ đồng.", "2.800 tỷ đồng", "2024"),
        ("Năm học 2024-2025, cả nước có 12.000 sinh viên ngành CNTT.", "12.000 sinh viên", "2024/2025"),
        # a comparison with the month (quarter, year) before makes the figure one month's: the
        # month the document last named, even in an earlier paragraph (ministry bulletins)
        *[(" date 2023-10 Trong tháng 9/2023, doanh thu toàn ngành ước đạt 367.137 tỷ đồng.\n\n"
           "Toàn ngành nộp ngân sách nhà nước ước đạt 9.295 tỷ đồng, tăng 3% so với tháng trước và tăng 8% so với cùng kỳ năm ngoái.",
           surface, "2023-09") for surface in ("9.295 tỷ đồng", "3%", "8%")],
        ("Trong quý II/2024, doanh thu đạt 900 tỷ đồng.\n\nLợi nhuận đạt 50 tỷ đồng, tăng 4% so với quý trước.", "50 tỷ đồng", "2024-04/2024-06"),
        (" date 2024-03 Năm 2023, doanh thu đạt 100 tỷ đồng.\n\nLợi nhuận đạt 5 tỷ đồng, tăng 10% so với năm trước.", "5 tỷ đồng", "2023"),
        # ... not a goal's year, nor one of another length, nor any with "cùng kỳ" (a length unsaid)
        (" date 2024-03 Mục tiêu đến năm 2030 có 100.000 doanh nghiệp.\n\nLợi nhuận đạt 5 tỷ đồng, tăng 10% so với năm trước.", "5 tỷ đồng", ""),
        ("Trong 6 tháng đầu năm 2024, doanh thu đạt 900 tỷ đồng.\n\nLợi nhuận đạt 50 tỷ đồng, tăng 4% so với tháng trước.", "50 tỷ đồng", ""),
        ("Trong tháng 9/2023, doanh thu đạt 900 tỷ đồng.\n\nLợi nhuận đạt 50 tỷ đồng, tăng 4% so với cùng kỳ năm ngoái.", "50 tỷ đồng", ""),
        # a month (quarter) named as the baseline says the length too; the figure's is a later one
        *[(" date 2023-10-05 Trong tháng 9/2023, doanh thu đạt 310.000 tỷ đồng.\n\n"
           "Số thuê bao băng rộng cố định đạt 21,5 triệu thuê bao, tăng 0,4 triệu thuê bao so với tháng 8.", surface, "2023-09")
          for surface in ("21,5 triệu thuê bao", "0,4 triệu thuê bao")],
        (" date 2023-10-05 Trong quý III/2023, doanh thu đạt 900 tỷ đồng.\n\nLợi nhuận đạt 50 tỷ đồng, tăng 4% so với quý II/2023.",
         "50 tỷ đồng", "2023-07/2023-09"),
        (" date 2023-10-05 Trong tháng 7/2023, doanh thu đạt 900 tỷ đồng.\n\nLợi nhuận đạt 50 tỷ đồng, tăng 4% so với tháng 8.", "50 tỷ đồng", ""),
        # a parenthesis closing the sentence with only a time in it dates the whole sentence
        *[("Việt Nam có 78,44 triệu người dùng Internet, chiếm 79,1% dân số (tháng 1/2024).", surface, "2024-01")
          for surface in ("78,44 triệu người dùng", "79,1%")],
        ("Số thuê bao băng rộng cố định đạt 23 triệu, tăng 9% (số liệu tính đến tháng 6/2025).", "23 triệu", "2025-06"),
        ("Có 5 triệu thuê bao (số liệu: 30/6/2024)!", "5 triệu thuê bao", "2024-06-30"),
        ("Doanh thu toàn ngành đạt 3.000 tỷ đồng, lợi nhuận 200 tỷ đồng (2023).", "3.000 tỷ đồng", "2023"),
        ("Tăng trưởng bình quân đạt 15%/năm (2016 - 2020).", "15%", "2016/2020"),
        (" date 2025-03 Hiện nay Việt Nam có 120 triệu thuê bao di động (2024).", "120 triệu thuê bao di động", "2024"),
        # ... a time of its own before the number still comes first; a parenthesis that says
        # more than a time, or that does not close the sentence, dates nothing
        ("Năm 2023, doanh thu đạt 100 tỷ đồng, lợi nhuận 10 tỷ đồng (tháng 12/2023).", "100 tỷ đồng", "2023"),
        ("Doanh thu đạt 100 tỷ đồng (tăng 5% so với năm 2023).", "100 tỷ đồng", ""),
        ("Doanh thu đạt 100 tỷ đồng (Viettel, 2023).", "100 tỷ đồng", ""),
        ("Theo báo cáo (2024), doanh thu đạt 100 tỷ đồng.", "100 tỷ đồng", ""),
        # a parenthesis right after the number that holds only a time dates that number, before
        # any time earlier in the sentence
        ("Năm 2023, số thuê bao đạt 100 triệu (tính đến tháng 12/2023).", "100 triệu", "2023-12"),
        (" date 2025-11-05 Kim ngạch xuất khẩu đạt 125 tỷ USD (9 tháng), tăng 15%.", "125 tỷ USD", "2025-01/2025-09"),
        (" date 2025-11-05 Doanh thu: 3,1 triệu tỷ đồng (10 tháng).", "3,1 triệu tỷ đồng", "2025-01/2025-10"),
        ("Doanh thu đạt 5 tỷ USD (quý I/2025), lợi nhuận 1 tỷ USD.", "5 tỷ USD", "2025-01/2025-03"),
        ("Doanh thu đạt 5 tỷ USD (quý I/2025), lợi nhuận 1 tỷ USD.", "1 tỷ USD", ""),
        # from January to now (the document's month), or to the month named
        (" date 2025-06-20 Từ đầu năm đến nay đã phát hiện 1.500 vụ lừa đảo trực tuyến.", "1.500 vụ lừa đảo", "2025-01/2025-06"),
        (" date 2025-06-20 Kể từ đầu năm 2024 đến nay, doanh thu đạt 100 tỷ đồng.", "100 tỷ đồng", "2024-01/2025-06"),
        (" date 2025-06-20 Từ đầu năm đến hết tháng 5, doanh thu đạt 100 tỷ đồng.", "100 tỷ đồng", "2025-01/2025-05"),
        (" date 2025 Từ đầu năm đến nay, doanh thu đạt 100 tỷ đồng.", "100 tỷ đồng", ""),  # which month is now is unknown
        # the months of the year so far close a long clause and date it, as a year does
        (" date 2025-11-10 Tổng số 2.117 vụ tấn công mạng vào các hệ thống thông tin tại Việt Nam đã được ghi nhận trong 6 tháng đầu năm.",
         "2.117 vụ tấn công", "2025-01/2025-06"),
        (" date 2025-11-10 Có 1,2 triệu tên miền .vn được các nhà đăng ký trong và ngoài nước duy trì qua 10 tháng.",
         "1,2 triệu tên miền", "2025-01/2025-10"),
        # a time opening the clause after a long source scopes the paragraph's later sentences
        # "(lũy kế) từ đầu năm," closing its clause runs to the document's month
        (" date 2025-07-10 Lũy kế từ đầu năm, Cục đã cấp 1.250 giấy phép.", "1.250 giấy phép", "2025-01/2025-07"),
        (" date 2025-07-10 Từ đầu năm học mới, có 1.250 học sinh.", "1.250 học sinh", ""),
        # "quí", the older spelling of "quý" (articles from the 2000s and 2010s)
        (" date 2012-05-10 Trong quí I/2012, doanh thu đạt 25.000 tỉ đồng.", "25.000 tỉ đồng", "2012-01/2012-03"),
        # months of the year so far named by a firm's figure, "the past N months" or "at the close of N months"
        (" date 2025-11-15 Doanh thu hợp nhất 9 tháng của VNPT ước đạt 45.600 tỷ đồng.", "45.600 tỷ đồng", "2025-01/2025-09"),
        (" date 2025-11-15 9 tháng qua, doanh thu viễn thông đạt 250.000 tỷ đồng.", "250.000 tỷ đồng", "2025-01/2025-09"),
        (" date 2025-11-15 Kết thúc 9 tháng, Viettel đạt doanh thu 140.000 tỷ đồng.", "140.000 tỷ đồng", "2025-01/2025-09"),
        # a time without its year, in a new paragraph, is not in a forecast's later year named before it
        (" date 2025-07-10 Năm 2026, doanh thu được dự báo đạt 5 triệu tỷ đồng.\n\nSáu tháng đầu năm, số doanh nghiệp mới đạt 4.500 doanh nghiệp.",
         "4.500 doanh nghiệp", "2025-01/2025-06"),
        (" date 2025-07-10 Năm 2026, doanh thu được dự báo đạt 5 triệu tỷ đồng.\n\nCuối tháng 6 vừa qua, tỷ lệ người dân có danh tính điện tử đạt 85%.",
         "85%", "2025-06"),
        # ... but in the same paragraph it is that year's
        (" date 2025-07-10 Năm 2026, Bộ đặt mục tiêu doanh thu 5 triệu tỷ đồng. Trong 6 tháng đầu năm, phấn đấu đạt 2 triệu tỷ đồng.",
         "2 triệu tỷ đồng", "2026-01/2026-06"),
        (" date 2025-07-10 Năm 2023, doanh thu đạt 3 triệu tỷ đồng.\n\nTrong tháng 6, doanh thu đạt 300 nghìn tỷ đồng.", "300 nghìn tỷ đồng", "2023-06"),
        # an earlier paragraph's year dates a later bare quarter or month only when it heads what
        # follows; one inside or closing a statement dates that statement alone
        (" date 2025-11-15 Xuất khẩu phần mềm tăng mạnh và đạt khoảng 1,2 tỷ USD trong năm 2024.\n\nTrong quý III, có 1.805 vụ tấn công mạng.",
         "1.805 vụ tấn công", "2025-07/2025-09"),
        (" date 2025-11-15 Các doanh nghiệp đã thu hút 1,5 tỷ USD vốn đầu tư mạo hiểm trong năm 2024.\n\nRiêng tháng 10, doanh thu đạt 300 tỷ đồng.",
         "300 tỷ đồng", "2025-10"),
        (" date 2025-09-20\nThị trường thương mại điện tử Việt Nam năm 2024 đạt quy mô 25 tỷ USD.\n\nDoanh thu bưu chính 8 tháng đạt 55.000 tỷ đồng.",
         "55.000 tỷ đồng", "2025-01/2025-08"),
        (" date 2025-04-02\nChỉ số DTI năm 2024 của Hà Nội đạt 0,7213 điểm.\n\nSố vụ tấn công mạng trong tháng 3 là 120 vụ.", "120 vụ", "2025-03"),
        # ... a heading or a time fronted before its comma does
        (" date 2025-03-01\nKẾT QUẢ NĂM 2024\n\nTrong quý IV, có 1.805 vụ tấn công mạng.", "1.805 vụ tấn công", "2024-10/2024-12"),
        (" date 2025-09-20\nTrong 6 tháng đầu năm 2024, thị trường đạt 25 tỷ USD.\n\nRiêng tháng 5, doanh thu đạt 5 tỷ USD.", "5 tỷ USD", "2024-05"),
        # "hiện đại hóa" (modernise), "quy định hiện hành" (in force) do not say "now"; "hiện giờ" does
        (" date 2024-06-14 Chính phủ sẽ hiện đại hóa hạ tầng với 3.000 trạm mới.", "3.000 trạm", ""),
        (" date 2024-06-14 Theo quy định hiện hành, mức phí là 20.000 đồng.", "20.000 đồng", ""),
        (" date 2024-06-14 Hiện giờ mạng có 3.000 trạm.", "3.000 trạm", "2024-06-14"),
        # "cả năm" (the whole year) is the year the text last named, else the document's; a
        # heading's half-year does not narrow it
        (" date 2025-07-05\nBÁO CÁO 6 THÁNG ĐẦU NĂM 2025\n\nPhấn đấu doanh thu viễn thông cả năm đạt 350.000 tỷ đồng.", "350.000 tỷ đồng", "2025"),
        (" date 2025-12-20 Tính chung cả năm, doanh thu viễn thông đạt 340.000 tỷ đồng.", "340.000 tỷ đồng", "2025"),
        (" date 2025-03-01\nNăm 2024, thị trường khởi sắc; doanh thu cả năm đạt 5 tỷ USD.", "5 tỷ USD", "2024"),
        (" date 2025-12-20\nTrong cả năm học, có 300 trường học kết nối Internet.", "300 trường học", ""),
        # "trong năm" (during the year) is the whole year too; "trong năm tới", "trong năm năm qua" are not
        (" date 2024-09-20\nCổng đã tiếp nhận khoảng 8,5 triệu hồ sơ trực tuyến trong năm.", "khoảng 8,5 triệu hồ sơ", "2024"),
        (" date 2024-09-20\nNăm 2023 là năm khó khăn. Trong năm, doanh thu đạt 5 tỷ USD.", "5 tỷ USD", "2023"),
        (" date 2024-09-20\nTrong năm năm qua, doanh thu đạt 5 tỷ USD.", "5 tỷ USD", ""),
        (" date 2024-09-20\nTrong năm tới, doanh thu đạt 5 tỷ USD.", "5 tỷ USD", ""),
        # "cuối năm" (the year's end) is that year's figure; "cuối năm học" is not the calendar's
        (" date 2025-07-10\nSố thuê bao 2G dự kiến đến cuối năm chỉ còn khoảng 3 triệu thuê bao.", "khoảng 3 triệu thuê bao", "2025"),
        (" date 2016-07-12\nTừ nay đến cuối năm, Bộ sẽ cấp phép thêm 3 doanh nghiệp.", "3 doanh nghiệp", "2016"),
        (" date 2025-07-10\nĐến cuối năm học, có 300 trường kết nối Internet.", "300 trường", ""),
        # "Đến nay," opening its clause says now; inside a sentence, or closing a span that
        # started at a time the text does not date, it does not
        (" date 2025-09-20\nĐến nay, đã có hơn 85 triệu tài khoản định danh điện tử được kích hoạt.", "hơn 85 triệu tài khoản", "2025-09-20"),
        (" date 2025-09-20 Theo Bộ Công an, tính đến nay, có 85 triệu tài khoản.", "85 triệu tài khoản", "2025-09-20"),
        # ... and so does one followed by "đã", "có", "đạt" (the subject coming after them)
        # a comparison with the month before makes the figure a month's, whatever span an earlier
        # sentence of the paragraph opened with
        ((" date 2025-11-05\nTrong tháng 10/2025, Cục đã xử lý 1.152 sự cố.\n\nTính từ đầu năm đến nay, đã xử lý 10.840 sự cố. "
          "Số địa chỉ IP bị nhiễm mã độc khoảng 540.000 địa chỉ, giảm 38% so với tháng trước."), "38%", "2025-10"),
        ((" date 2025-11-05\nTrong tháng 10/2025, Cục đã xử lý 1.152 sự cố.\n\nTính từ đầu năm đến nay, đã xử lý 10.840 sự cố. "
          "Số địa chỉ IP bị nhiễm mã độc khoảng 540.000 địa chỉ, giảm 38% so với cùng kỳ."), "38%", "2025-01/2025-11"),
        (" date 2025-11-05\nVề cấp độ, đến nay đã có 87,5% hệ thống được phê duyệt.", "87,5%", "2025-11-05"),
        (" date 2025-11-05\nĐến nay có 1.200 xã có điểm phục vụ.", "1.200 xã", "2025-11-05"),
        # ... after a subject of a few words, when it opens its clause
        (" date 2025-11-18\nTheo Sở, đến nay toàn thành phố có 1.245 điểm phục vụ bưu chính.", "1.245 điểm phục vụ bưu chính", "2025-11-18"),
        (" date 2025-11-18\nĐến nay các doanh nghiệp viễn thông lớn đã lắp 10.000 trạm.", "10.000 trạm", "2025-11-18"),
        (" date 2025-11-05\nTừ trước đến nay đã có 87,5% hệ thống được phê duyệt.", "87,5%", ""),
        (" date 2021-01-04 Năm 2020, Bộ yêu cầu gỡ bỏ nội dung vi phạm và cho đến nay Facebook đã đáp ứng 95% yêu cầu.", "95%", "2020"),
        (" date 2020-08 Từ đầu nhiệm kỳ đến nay, cấp uỷ các cấp đã tiến hành 152 cuộc kiểm tra.", "152 cuộc kiểm tra", ""),
        # as one opening its sentence does; one deep inside a clause does not
        *[(f"{lead}, {time} Việt Nam có 412 vụ lộ lọt dữ liệu. Số tiền hacker đòi chuộc là hơn 1 triệu USD.",
           "hơn 1 triệu USD", period) for lead, time, period in (
            ("Theo số liệu được ông Lê Quang Hà, Phó giám đốc Công ty An ninh mạng Viettel, đưa ra tại sự kiện vừa diễn ra",
             "trong 9 tháng đầu năm 2025,", "2025-01/2025-09"),
            ("Cũng theo báo cáo của Cục An toàn thông tin thuộc Bộ Thông tin và Truyền thông công bố tại hội thảo",
             "tính đến hết tháng 6/2025,", "2025-06"),
            ("Một báo cáo được Cục An toàn thông tin thuộc Bộ Thông tin và Truyền thông công bố tại hội thảo cho biết",
             "trong 9 tháng đầu năm 2025,", ""),
        )],
        # a day of a month without its year: the nearby year's, else the document's; a day well
        # after the document's date is last year's
        (" date 2024-03-19 Ngày 19/3, Cục Tần số vô tuyến điện tổ chức đấu giá. Viettel trúng đấu giá với giá 6.332 tỷ đồng.",
         "6.332 tỷ đồng", "2024-03-19"),
        (" date 2025-10-02 Năm 2024 có nhiều vụ tấn công. Sáng 24/3, hệ thống bị hack, thiệt hại khoảng 50 tỷ đồng.",
         "khoảng 50 tỷ đồng", "2024-03-24"),
        (" date 2025-01-05 Ngày 30/12, Bộ cho biết doanh thu viễn thông đạt 340.000 tỷ đồng.", "340.000 tỷ đồng", "2024-12-30"),
        (" date 2025-01-05 Quyết định 12/QĐ-TTg ngày 15/3 giao 5 nhiệm vụ.", "5 nhiệm vụ", ""),
        ("Ngày 19/3, Viettel trúng đấu giá với giá 6.332 tỷ đồng.", "6.332 tỷ đồng", ""),
        (" date 2025-09-05\nSáng mùng 2/9, cả nước có 5 triệu lượt truy cập.", "5 triệu lượt truy cập", "2025-09-02"),
        # the comma of a pair of nouns written as one name ends no clause: a year after it still dates the rank
        ("Việt Nam xếp thứ 25/194 quốc gia về Chỉ số an toàn, an ninh mạng toàn cầu (GCI) của ITU năm 2020, tăng 25 bậc.",
         "xếp thứ 25", "2020"),
        ("Việt Nam xếp thứ 25 về chỉ số an toàn, tăng 25 bậc năm 2020.", "xếp thứ 25", ""),
        # a plan's horizon is its first year: the vision's after it dates none of its figures
        ("Theo Chiến lược phát triển công nghiệp bán dẫn đến năm 2030 và tầm nhìn đến năm 2050, Việt Nam phấn đấu đào tạo ít nhất 50.000 kỹ sư.",
         "ít nhất 50.000 kỹ sư", "2030"),
        ("Theo Chiến lược quốc gia phát triển kinh tế số đến năm 2025, định hướng đến năm 2030, kinh tế số chiếm 20% GDP.", "20%", "2025"),
        # ... but a vision's year of its own, or one after a figure's year, dates its figures
        ("Tầm nhìn đến năm 2045, kinh tế số chiếm 50% GDP.", "50%", "2045"),
        ("Kinh tế số chiếm 20% GDP năm 2025, định hướng năm 2030 đạt 30%.", "30%", "2030"),
        ("Phấn đấu đến năm 2025 đạt 20%, định hướng đến năm 2030 đạt 30%.", "30%", "2030"),
    ],
)
def test_period(text, surface, period):
    assert row(text, surface).period == period


def test_heading_scopes_the_paragraphs_under_it():
    text = "Một số kết quả nổi bật của các lĩnh vực trong năm 2020\n\nVề lĩnh vực Bưu chính, Bộ đã phát hành 21 bộ tem."
    assert row(text, "21 bộ tem").period == "2020"


def test_a_dateline_dates_the_document_but_scopes_no_figures():
    text = "Ngày 5/11/2025, tại Hà Nội\nViettel đạt doanh thu 45.000 tỷ đồng. Hiện nay có 15 nhà mạng."
    assert row(text, "45.000 tỷ đồng").period == ""
    assert row(text, "15 nhà mạng").period == "2025-11-05"
    text = "Tình hình phát triển của ngành tháng 10/2025\nViettel đạt doanh thu 45.000 tỷ đồng."
    assert row(text, "45.000 tỷ đồng").period == "2025-10"


def test_relative_and_present_times_resolve_against_the_document_date():
    text = " date 2016-12-22 Theo VNNIC tới hết tháng 10 năm nay đã có 382.526 tên miền. Hiện nay có 15 nhà đăng ký."
    assert row(text, "382.526 tên miền").period == "2016-10"
    assert row(text, "15 nhà đăng ký").period == "2016-12-22"
    assert row(text, "382.526 tên miền").doc_date == "2016-12-22"


def test_doc_date_option_is_used_when_the_document_has_none():
    text = "Hiện nay có 350 mạng độc lập."
    assert row(text, "350 mạng độc lập").period == ""
    assert row(text, "350 mạng độc lập", doc_date="2017-11").period == "2017-11"


@pytest.mark.parametrize(
    "text, date",
    [
        (" date 2020-08 Xác định sứ mệnh mới", "2020-08"),
        ("62\n+ aa -\n\nCập nhật lúc : 11/04/2024 08:32\nTin", "2024-04-11"),
        ("Chủ nhật, 14/04/2024 03:01:07\n\nCục", "2024-04-14"),
        ("Tiêu đề\n\nNgày 11/6/2020, tại Hà Nội, Đảng bộ", "2020-06-11"),
        ("Tên miền .vn\n\n15:06 | 22/12/2016\nChia sẻ", "2016-12-22"),
        ("Không có ngày nào ở đây.", ""),
        # a stamp or lead naming no real day is not the document's date
        (" date 2023-19 Doanh thu", ""),
        ("Tiêu đề\n\nNgày 31/2/2020, tại Hà Nội, Bộ", ""),
        # a stamp after a "|" of a navigation line; a lead in a paragraph's first sentences
        ("Trang chủ | Tin tức | Cập nhật: 05/11/2025\nBài viết", "2025-11-05"),
        ("Tiêu đề. Sapo bài viết. Ngày 11/6/2020, tại Hà Nội, Đảng bộ", "2020-06-11"),
        ("Tiêu đề. " + "Câu dài. " * 150 + "Ngày 11/6/2020, tại Hà Nội, Đảng bộ", ""),
        # a line of three words or fewer holding a date stamps it; a sentence does not
        ("Thứ hai 05/11/2025\nTin", "2025-11-05"),
        ("Doanh thu đến 05/11/2025 tăng mạnh\nTin", ""),
        # a news dateline: a place, a comma, the date and a dash open the lead
        ("Viettel: Lợi nhuận tăng\n\nHà Nội, 12/7/2025 - Tập đoàn Viettel cho biết", "2025-07-12"),
        ("Tiêu đề\n\nTP.HCM, ngày 5/3/2025 – Sở Thông tin và Truyền thông", "2025-03-05"),
        ("Tiêu đề\n\nTheo báo cáo của Bộ Thông tin và Truyền thông, 12/7/2025 - số liệu", ""),
    ],
)
def test_detect_doc_date(text, date):
    assert detect_doc_date(text) == date


# --- status -----------------------------------------------------------------------

_REPORT = """ date 2025-07-05
BÁO CÁO SƠ KẾT 6 THÁNG ĐẦU NĂM 2025

I. KẾT QUẢ ĐẠT ĐƯỢC
1. Bưu chính
- Doanh thu dịch vụ bưu chính ước đạt 32.000 tỷ đồng.
2. Viễn thông
- Tổng số thuê bao băng rộng di động: 89 triệu

II. NHIỆM VỤ 6 THÁNG CUỐI NĂM
1. Viễn thông
- Phủ sóng 5G tới 90% dân số.
2. Chuyển đổi số
- Hoàn thành 100% dịch vụ công trực tuyến toàn trình.
- Tỷ lệ hồ sơ trực tuyến dự kiến đạt 95%.

III. KIẾN NGHỊ
Bộ đã gửi 3 kiến nghị lên Chính phủ.
"""


@pytest.mark.parametrize(
    "text, surface, status",
    [
        ("doanh thu dự kiến đạt gần 135 tỷ USD, tăng 2,5 lần; nộp ngân sách đạt hơn 4,3 tỷ USD", "2,5 lần", "estimate"),
        ("doanh thu dự kiến đạt gần 135 tỷ USD, tăng 2,5 lần; nộp ngân sách đạt hơn 4,3 tỷ USD", "hơn 4,3 tỷ USD", "actual"),
        ("doanh thu ước đạt 367.137 tỷ đồng", "367.137 tỷ đồng", "estimate"),
        ("Mục tiêu cụ thể là kinh tế số đạt 20% GDP; thương mại điện tử đạt trên 10%.", "trên 10%", "target"),
        ("Từ 50.000 doanh nghiệp sẽ trở thành 100.000 doanh nghiệp", "50.000 doanh nghiệp", "actual"),
        ("Từ 50.000 doanh nghiệp sẽ trở thành 100.000 doanh nghiệp", "100.000 doanh nghiệp", "target"),
        ("vượt mục tiêu đề ra, hiện đang là 22%", "22%", "actual"),
        ("Hoàn thành mục tiêu, chỉ tiêu; Bộ đạt 100% tỷ lệ", "100%", "actual"),
        # ... but the met goal's own value, given in a parenthesis or after "là", is the goal
        ("Cả nước có 74.000 doanh nghiệp công nghệ số, vượt chỉ tiêu đề ra cho năm 2025 (70.000 doanh nghiệp).", "70.000 doanh nghiệp", "target"),
        ("Cả nước có 74.000 doanh nghiệp công nghệ số, vượt chỉ tiêu đề ra cho năm 2025 (70.000 doanh nghiệp).", "74.000 doanh nghiệp", "actual"),
        # the goal a result is measured against, its value right after it
        ("Tỷ lệ hộ gia đình có kết nối cáp quang đạt 82%, so với mục tiêu 80%.", "80%", "target"),
        ("Doanh thu đạt 1.100 tỷ đồng, tăng 10% so với kế hoạch đề ra 1.000 tỷ đồng.", "1.000 tỷ đồng", "target"),
        # ... but a result after the goal, or the margin a goal was beaten by, is an actual
        ("Doanh thu tăng 10% so với kế hoạch, đạt 1.100 tỷ đồng.", "1.100 tỷ đồng", "actual"),
        ("Doanh thu đạt 1.100 tỷ đồng, vượt kế hoạch 5%.", "5%", "actual"),
        ("Doanh thu đạt 105 tỷ USD, vượt mục tiêu đề ra là 100 tỷ USD.", "100 tỷ USD", "target"),
        # ... while what it was beaten by, or a result reached, is an actual
        ("Doanh thu đạt 105 tỷ USD, vượt kế hoạch 5%.", "5%", "actual"),
        ("Doanh thu vượt kế hoạch (đạt 105%).", "105%", "actual"),
        ("Năm 2025, các nhà mạng dự kiến lắp thêm 3.500 trạm", "3.500 trạm", "target"),
        # after a goal, what the sentence says is there now is an actual
        (" date 2024-12-20 Bộ đặt mục tiêu năm 2025 có 80.000 doanh nghiệp công nghệ số, hiện đã có 74.000 doanh nghiệp.", "74.000 doanh nghiệp", "actual"),
        (" date 2024-12-20 Bộ đặt mục tiêu năm 2025 có 80.000 doanh nghiệp công nghệ số, hiện đã có 74.000 doanh nghiệp.", "80.000 doanh nghiệp", "target"),
        (" date 2024-12-20 Đến năm 2025 số thuê bao 5G đạt 50 triệu thuê bao, hiện nay mới có 10 triệu thuê bao đạt chuẩn.", "10 triệu thuê bao", "actual"),
        (" date 2024-06-14 Từ 1/7/2024, các thuê bao 2G only sẽ bị ngừng cung cấp dịch vụ; hiện còn khoảng 12 triệu thuê bao 2G.", "khoảng 12 triệu thuê bao 2G", "actual"),
        (" date 2024-06-14 Mạng 2G sẽ được tắt vào tháng 9, nhưng hiện vẫn có 5 triệu thuê bao sử dụng.", "5 triệu thuê bao", "actual"),
        (" date 2024-06-14 Chính phủ sẽ hiện đại hóa hạ tầng với 3.000 trạm mới.", "3.000 trạm", "target"),
        (" date 2025-01-08 Ngành bán dẫn đặt mục tiêu đào tạo 50.000 kỹ sư vào năm 2030; hiện Việt Nam có khoảng 5.000 kỹ sư thiết kế vi mạch.",
         "khoảng 5.000 kỹ sư", "actual"),
        (" date 2025-01-08 Ngành bán dẫn đặt mục tiêu đào tạo 50.000 kỹ sư vào năm 2030; hiện Việt Nam có khoảng 5.000 kỹ sư thiết kế vi mạch.",
         "50.000 kỹ sư", "target"),
        (" date 2025-01-08 Kế hoạch hiện thực hóa 80% mục tiêu vào năm 2026.", "80%", "target"),
        # "kỳ vọng" (expected) projects a figure; "phải có" (must have) sets a goal; a forecast
        # beaten ("vượt kỳ vọng") leaves the result an actual, though the forecast's value is one
        (" date 2025-03-01 Doanh nghiệp kỳ vọng doanh thu năm 2025 đạt 2 tỷ USD.", "2 tỷ USD", "estimate"),
        (" date 2025-03-01 Thị trường AI được kỳ vọng sẽ đạt 1,5 tỷ USD vào năm 2030.", "1,5 tỷ USD", "target"),
        (" date 2025-03-01 Chính phủ yêu cầu đến hết năm 2025 phải có 80% người dân dùng chữ ký số.", "80%", "target"),
        (" date 2025-03-01 Năm 2024, doanh thu vượt kỳ vọng, đạt 2 tỷ USD.", "2 tỷ USD", "actual"),
        (" date 2025-03-01 Năm 2024, doanh thu vượt dự báo (1,5 tỷ USD), đạt 2 tỷ USD.", "1,5 tỷ USD", "estimate"),
        (" date 2025-03-01 Năm 2024, doanh thu vượt dự báo (1,5 tỷ USD), đạt 2 tỷ USD.", "2 tỷ USD", "actual"),
        # a figure under a heading of goals, down to the next heading of its rank, is a goal when
        # no cue says otherwise; a heading of results that names the plan ("THỰC HIỆN KẾ HOẠCH") is not one
        *[(_REPORT, surface, status) for surface, status in (
            ("32.000 tỷ đồng", "estimate"), ("89 triệu", "actual"), ("90%", "target"), ("100%", "target"),
            ("95%", "estimate"), ("3 kiến nghị", "actual"))],
        (" date 2025-12-28\nMục tiêu cụ thể:\n\nPhủ sóng 5G toàn quốc với tốc độ 1 Gbps.\n\nKết quả đạt được năm 2025\n\nĐã phủ sóng 5G tới 26% dân số.",
         "1 Gbps", "target"),
        (" date 2025-12-28\nMục tiêu cụ thể:\n\nPhủ sóng 5G toàn quốc với tốc độ 1 Gbps.\n\nKết quả đạt được năm 2025\n\nĐã phủ sóng 5G tới 26% dân số.",
         "26%", "actual"),
        (" date 2026-01-05\nI. KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2025\n- Số thuê bao 5G đạt 12 triệu.", "12 triệu", "actual"),
        (" date 2026-01-05\n- Nhiệm vụ năm 2025: phủ sóng 5G\n- Số thuê bao 5G đạt 12 triệu.", "12 triệu", "actual"),
        # after a forecast, "sẽ" is the forecast's tense: the figure stays an estimate; "sẽ" alone
        # or after "kỳ vọng" with a later year is still a goal
        (" date 2025-03-18 Dự báo năm 2025, số vụ tấn công vào hệ thống thông tin quan trọng sẽ tiếp tục gia tăng từ 10-15%.", "10-15%", "estimate"),
        (" date 2025-03-18 Theo dự báo, doanh thu năm 2025 sẽ đạt 5 tỷ USD; mục tiêu năm 2026 là 6 tỷ USD.", "5 tỷ USD", "estimate"),
        (" date 2025-03-18 Theo dự báo, doanh thu năm 2025 sẽ đạt 5 tỷ USD; mục tiêu năm 2026 là 6 tỷ USD.", "6 tỷ USD", "target"),
        (" date 2025-03-18 Năm 2025, Bộ sẽ lắp thêm 3.500 trạm.", "3.500 trạm", "target"),
        # a goal a result is measured against ("bằng 103% kế hoạch", "so với kế hoạch") is no target cue
        (" date 2025-12-28 Năm 2025, doanh thu đạt 500 tỷ đồng, bằng 103% kế hoạch, tăng 11% so với năm 2024.", "11%", "actual"),
        (" date 2025-12-28 Năm 2025, doanh thu ước đạt 4,3 triệu tỷ đồng, bằng 103% kế hoạch năm và tăng 11% so với năm 2024.", "11%", "estimate"),
        (" date 2025-12-28 Doanh thu đạt 300 tỷ đồng, tương đương 98% kế hoạch, lợi nhuận 30 tỷ đồng.", "30 tỷ đồng", "actual"),
        (" date 2025-12-28 So với kế hoạch năm, doanh thu đạt 95%.", "95%", "actual"),
        (" date 2025-12-28 Theo kế hoạch, doanh thu năm 2026 tương đương 5 tỷ USD.", "5 tỷ USD", "target"),
        # ... but "thực hiện có" is not "hiện có"
        (" date 2024-12-20 Mục tiêu năm 2025 thực hiện có hiệu quả 80% dịch vụ công.", "80%", "target"),
        # the level reached at a span's end after the document's date is a goal; where it started is not
        (" date 2024-05 Giai đoạn 2021-2030, tỷ lệ hộ gia đình dùng cáp quang tăng từ 40% lên 80%.", "80%", "target"),
        (" date 2024-05 Giai đoạn 2021-2030, tỷ lệ hộ gia đình dùng cáp quang tăng từ 40% lên 80%.", "40%", "actual"),
        ("Phát triển tên miền đạt 1.000.000 tên miền vào năm 2025", "1.000.000 tên miền", "target"),
        (" date 2026-03 Phát triển tên miền đạt 1.000.000 tên miền vào năm 2025", "1.000.000 tên miền", "actual"),  # a past year
        (" date 2024-03 Phát triển tên miền đạt 1.000.000 tên miền vào năm 2025", "1.000.000 tên miền", "target"),
        ("Đến năm 2025, tỷ lệ hộ gia đình có cáp quang đạt 80%.", "80%", "target"),
        ("Tính đến hết năm 2023, tỷ lệ hộ gia đình có cáp quang đạt 80%.", "80%", "actual"),
        ("Tới năm 2006 con số này đã đạt 20.579 tên miền.", "20.579 tên miền", "actual"),
        (" date 2026-03 Đến năm 2025, tỷ lệ hộ gia đình có cáp quang đạt 80%.", "80%", "actual"),  # a past horizon
        ("(theo Nghị quyết số 17/NQ-CP thì năm 2020 đạt 30%); tỷ lệ hồ sơ đạt 41%", "41%", "actual"),
        ("(theo Nghị quyết số 17/NQ-CP thì năm 2020 đạt 30%); tỷ lệ hồ sơ đạt 41%", "30%", "target"),
        # "đạt 41% (" before the cue is not "đạt chỉ tiêu": the parenthesis opens another phrase
        ("tỷ lệ hồ sơ đạt 41% (theo Nghị quyết số 17/NQ-CP thì năm 2020 đạt 20%).", "20%", "target"),
        ("Hoàn thành mục tiêu, chỉ tiêu và nhiệm vụ; Bộ đạt 100% tỷ lệ DVCTT mức độ 4", "100%", "actual"),
        # ... nor is "đạt 84%, mục tiêu": the comma after the number closes what was reached
        ("Tỷ lệ phổ cập điện thoại thông minh đạt 84%, mục tiêu năm 2025 là 85%.", "85%", "target"),
        ("Doanh thu đạt 100% kế hoạch, tương đương 500 tỷ đồng.", "500 tỷ đồng", "actual"),
        # what was done, said after a goal
        ("Chỉ tiêu năm 2025 là 100% hồ sơ được số hóa, thực tế mới đạt 85%.", "85%", "actual"),
        ("Chỉ tiêu năm 2025 là 100% hồ sơ được số hóa, thực tế mới đạt 85%.", "100%", "target"),
        ("Kế hoạch giao 500 tỷ đồng, kết quả thực hiện được 450 tỷ đồng.", "450 tỷ đồng", "actual"),
        # a figure whose period lies after the document's date is a goal, whatever its verb
        (" date 2026-01 Đến năm 2030, kinh tế số chiếm 30% GDP; tỷ lệ dân số dùng Internet đạt trên 90%.", "30%", "target"),
        (" date 2026-01 Đến năm 2030, kinh tế số chiếm 30% GDP; tỷ lệ dân số dùng Internet đạt trên 90%.", "trên 90%", "target"),
        (" date 2026-01 Năm 2025, kinh tế số chiếm 18% GDP.", "18%", "actual"),
        # ... and so is one planned or forecast for a period still to come: an estimate is of a
        # period passed or running (SPEC §7)
        (" date 2025-12-20 Dự kiến tổng vốn đầu tư cho hạ tầng số giai đoạn 2026-2030 khoảng 300.000 tỷ đồng.", "khoảng 300.000 tỷ đồng", "target"),
        (" date 2025-12-05 Nền kinh tế Internet đạt 36 tỷ USD năm 2024 và dự báo đạt 90-200 tỷ USD vào năm 2030.", "90-200 tỷ USD", "target"),
        (" date 2025-07-10 Năm 2026, doanh thu toàn ngành được dự báo đạt 5 triệu tỷ đồng.", "5 triệu tỷ đồng", "target"),
        (" date 2025-07-10 Năm 2025, doanh thu toàn ngành được dự báo đạt 4,5 triệu tỷ đồng.", "4,5 triệu tỷ đồng", "estimate"),
        # ... but a duration is the calendar's (dev gold)
        (" date 2020-08 đưa Việt Nam thành nước phát triển vào năm 2045, khi nước Việt Nam mới tròn 100 năm.", "100 năm", "actual"),
        # what was carried out against a plan is an actual; what could be reached is an estimate
        (" date 2025-12 Kế hoạch năm 2025 là 5 tỷ USD, thực hiện đạt 4,8 tỷ USD.", "4,8 tỷ USD", "actual"),
        (" date 2025-12 Kế hoạch năm 2025 là 5 tỷ USD, thực hiện đạt 4,8 tỷ USD.", "5 tỷ USD", "target"),
        (" date 2025-12 Năm 2025 Việt Nam có thể đạt 100 triệu thuê bao.", "100 triệu thuê bao", "estimate"),
        # a vision is an aspiration
        ("Tầm nhìn đến năm 2045, kinh tế số chiếm 50% GDP.", "50%", "target"),
    ],
)
def test_status(text, surface, status):
    assert row(text, surface).status == status


# --- comparison baseline --------------------------------------------------------------

@pytest.mark.parametrize(
    "text, surface, baseline",
    [
        ("Năm 2020 doanh thu tăng trưởng 7% so với năm 2019", "7%", "2019"),
        ("Năm 2024 doanh thu tăng 5% so với cùng kỳ năm 2023", "5%", "2023"),
        # the same months of the year named
        ("Trong quý III/2025, doanh thu tăng 8% so với cùng kỳ năm 2024.", "8%", "2024-07/2024-09"),
        (" date 2025-11-05 Tính từ đầu năm đến nay, có 10.840 sự cố, giảm 12,7% so với cùng kỳ năm 2024.", "12,7%", "2024-01/2024-11"),
        ("Trong 6 tháng đầu năm 2019, doanh thu tăng 7% so với cùng kỳ năm ngoái", "7%", "2018-01/2018-06"),
        ("trong tháng 9/2023, doanh thu tăng 6% so với tháng trước", "6%", "2023-08"),
        ("tháng 9/2023 doanh thu tăng 15% so với tháng 9/2022", "15%", "2022-09"),
        ("hơn 1 triệu USD - gấp 4 lần cùng kỳ năm 2024", "4 lần", "2024"),
        # a time right after a multiple's "lần" is its baseline, with or without "so với"
        ("Doanh thu xuất khẩu phần mềm đạt 6,5 tỷ USD, gấp 3 lần năm 2019.", "3 lần", "2019"),
        ("Số hồ sơ trực tuyến năm 2025 đạt 28 triệu hồ sơ, gấp 1,5 lần mức năm 2024.", "1,5 lần", "2024"),
        # ... but not one further on, which dates another figure
        ("Năm 2025 doanh thu gấp 2 lần, năm 2024 đạt 5 tỷ USD.", "2 lần", ""),
        ("doanh thu đạt 5 tỷ USD so với năm 2019", "5 tỷ USD", ""),  # no change, no baseline column
        ("Quý II/2024, doanh thu tăng 2,1 điểm phần trăm so với quý trước.\nNăm ngoái, Việt Nam có 3 nhà mạng.", "2,1 điểm phần trăm", "2024-01/2024-03"),
        ("Năm 2025 số tên miền .vn tăng 2% so với cuối năm 2024", "2%", "2024"),
        ("Năm 2025 doanh thu tăng 5% so với thời điểm đầu năm 2024", "5%", "2024"),
        # "tháng trước" is the month before the figure's, even where the document's date (a
        # month later) resolves the words alone to the figure's own month
        (" date 2023-10 Trong tháng 9/2023, doanh thu tăng 6% so với tháng trước", "6%", "2023-08"),
        (" date 2025-11-05 Tháng 10/2025, số thuê bao tăng 1,2% so với tháng trước.", "1,2%", "2025-09"),
        (" date 2025-03 Năm 2023, doanh thu tăng 7% so với năm trước", "7%", "2022"),
        # a comparison opening the sentence, in a clause of its own
        ("So với năm 2020, số doanh nghiệp tăng gấp 1,5 lần.", "1,5 lần", "2020"),
        ("So với cùng kỳ năm 2024, doanh thu tăng 12%, lợi nhuận tăng 5%.", "5%", "2024"),
        (" date 2025-11\nSo với tháng trước, số thuê bao tháng 10/2025 tăng 1%.", "1%", "2025-09"),
        ("Năm 2024, doanh thu tăng 12%.", "12%", ""),
        (" date 2012-10-10 Trong quí 3, doanh thu tăng 5% so với quí trước.", "5%", "2012-04/2012-06"),
    ],
)
def test_compared_to(text, surface, baseline):
    assert row(text, surface).compared_to == baseline


# --- taxonomy integrity -------------------------------------------------------------

def test_taxonomy_ids_are_unique_and_complete():
    entries = load("taxonomy")["metric"]
    ids = [e["id"] for e in entries]
    assert len(ids) == len(set(ids))
    for e in entries:
        assert "." in e["id"] and e["description"] and e["cues"] and e["units"], e["id"]


def test_every_spec_metric_is_in_the_taxonomy():
    spec_ids = {
        "internet.vn_domains", "internet.vn_domains_new", "internet.vietnamese_domains", "internet.ipv4_addresses",
        "internet.ipv6_adoption", "internet.users", "telecom.mobile_subscribers", "telecom.smartphone_subscribers",
        "telecom.mobile_broadband_subscribers", "telecom.fixed_broadband_subscribers", "telecom.fiber_households",
        "telecom.revenue", "ict.sector_revenue", "ict.industry_revenue", "ict.hardware_exports",
        "ict.budget_contribution", "ict.profit", "ict.gdp_contribution", "ict.labor", "ict.digital_enterprises",
        "ict.make_in_vietnam_share", "postal.revenue", "postal.items", "postal.enterprises", "postal.service_points",
        "egov.online_services_level4", "egov.online_dossiers", "security.gci_rank", "security.attacks",
        "security.revenue", "security.domestic_share", "digital_economy.gdp_share", "press.agencies", "apps.users",
        "payments.mobile_money_customers",
    }
    assert spec_ids <= {m.id for m in taxonomy()}


def test_every_cue_is_exercised_by_a_test_sentence_or_fixture():
    corpus = [text for _, text, _ in METRIC_SENTENCES] + [p.read_text(encoding="utf-8") for p in FIXTURES.glob("*.txt")]
    unused = [
        (m.id, cue) for m in taxonomy() for cue in m.cues
        # the loader adds each cue's other tone spelling ("văn hoá" for "văn hóa"): either counts
        if not any(cue_regex(spelling).search(text) for spelling in tone_variants(cue) for text in corpus)
    ]
    assert unused == []


TIME_SENTENCES = [
    "tính đến hết tháng 5/2020 và 6 tháng đầu năm 2019, Quý I/2016 (quý IV năm 2023)",
    "Trong mười hai tháng cuối năm ngoái và qua sáu tháng, sau 9 tháng; giai đoạn 2021 - 2025",
    "Từ đầu năm đến nay, kể từ đầu năm 2025 tới hết tháng 5; từ đầu năm nay đến tháng 3/2025, từ đầu năm, đến nay",
    "những năm 2010, cuối 2019, hết 2020, đến 2025, tới 2030, vào 2015, trước 2000",
    "Tháng 9 năm nay, tháng 10 năm 2022, tháng trước, năm nay, năm ngoái, năm trước, ngày 31/8/2023",
    "Hiện nay doanh nghiệp thực hiện; hiện tại, vừa qua, vừa công bố, mới đây, gần đây",
    "(năm\u00a02020)\tvà\u00a0“giai\u00a0đoạn\t2016-2020”\r\ntháng\u00a07",
    # digit starts: separators with spaces, long digit runs, digits glued to letters
    "31 . 12 . 2023, 5 /2020, 12-5-2024, 9\u00a0tháng đầu năm, 123/2020, 1.347.087, 30,95%, A5/2020, 05/2021",
    # the months of the year so far, before a verb or after a running-total word
    "Doanh thu 9 tháng ước đạt; Lũy kế 9 tháng, tính chung sáu tháng; sau 9 tháng đạt; mười một tháng tăng",
    "quý II năm nay, quý I, quý 3, quý IV năm ngoái, quý I/2016, Quý 2 năm 2024",
    # "vừa" the adjective (medium, fitting) beside "vừa" just now
    "doanh nghiệp nhỏ và vừa, Nhỏ và  vừa, vừa và nhỏ, quy mô vừa, vừa túi tiền, vừa công bố, vừa qua",
    # spans of years after "từ"
    "Từ năm 2011 đến năm 2019, kể từ 2016 tới 2020, từ 2000 đến 2020 doanh nghiệp, từ năm 2016 - 2020",
    # halves, quarters written "Q3", spans of months
    "Nửa đầu năm 2025, nửa cuối năm nay, nửa sau năm; Q3/2025, q4 2024, Q2-2023, Q1, Q5/2025, IQ3",
    "từ tháng 1 đến tháng 9/2025, từ tháng 11/2024 đến tháng 2/2025, từ tháng 1 - 9/2025, Từ tháng 9 đến tháng 1 năm nay",
    # branches that start at a whole phrase: the whole year, "now" fronted, running totals,
    # spelled counts with their month word, the older "quí"
    "Tính chung cả năm, toàn năm 2024, cả năm học, Cả  năm; Đến nay, cho đến nay Facebook, tính tới nay,",
    "Đến nay đã có, đến nay đạtđược, Tới nay có; từ trước đến nay đã, tính đến nay\nđã, đến nay toàn thành phố có, đến nay a b c d e f g có",
    "Trong năm, trong năm 2024, trong  năm\nnay, trong năm tới, Trong năm năm qua, trong năm đầu tiên, trong năm.",
    "đến cuối năm, cuối năm 2024, cuối năm nay, 6 tháng cuối năm, cuối năm học, Cuối\nnăm, cuối  năm ngoái",
    "doanh thu cả\nnăm, tính\nđến nay, mới\nđây, những\tnăm 2010, mười\nhai tháng đầu năm, mười hai\ntháng đầu năm, sáu \xa0tháng đầu năm",
    "Kết thúc 9 tháng, kết thúc sáu tháng đầu năm, cộng dồn 3 tháng, một tháng, hai  tháng đầu năm, 9 tháng qua",
    "quí I/2012, quí 3 năm 2012, so với quí trước; Doanh thu 9 tháng của VNPT",
    "năm 2019-2023, các năm 2023 - 2024, năm 2024-2023, năm 2020-05, Năm 2024–2025/2026",
    "Năm tài chính 2024, năm học 2024-2025, năm  tài\nchính 2023, cả năm tài chính 2024, năm học 2025",
    # a day of a month without its year, after "ngày" or a part of the day
    "Ngày 19/3, Sáng 10/4, sáng ngày 3/1, chiều\n5/6, ngày 10/8/2021, ngày 15/3.2024, ngày 5/12%, ngày 280/3, hôm 7/13",
    "trong 12 tháng tính đến tháng 6/2025, 12 tháng tính\nđến hết tháng 6/2025, sáu tháng tính tới tháng 3/2025, 40 tháng tính đến tháng 1/2025",
    "trong 5 năm gần đây, 3 tháng  gần đây, Thời gian gần đây, quý gần đây, mới đây",
]
TIME_TEXTS = TIME_SENTENCES + [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]


@pytest.fixture
def extend_time_lexicon(monkeypatch):
    """Add words to a list of time.toml, as a user would: data only, no code changes."""
    import copy

    from ictstats import lexicon, status

    extended = copy.deepcopy(load("time"))
    cached = (periods._patterns, periods.looked_up_words, periods._phrase_starters, periods._first_part, periods._half_first, periods.present_guards,
              status._after_target_year, status._target_heading_words)
    for module in (periods, status):
        monkeypatch.setattr(module, "load", lambda name: extended if name == "time" else lexicon.load(name))

    def rebuild():  # what the stages built from the lexicon, once per process
        for f in cached:
            f.cache_clear()

    def extend(section, key, *words):
        extended[section][key] += words
        rebuild()

    rebuild()
    yield extend
    rebuild()


def test_time_words_added_to_the_lexicon_are_read_without_code_changes(extend_time_lexicon):
    text = "Thời kỳ 2011-2020 tăng 9%; Quý III/2019, 3 th cuối năm 2018"
    assert [t.period for t in periods.find_times(text)] == ["2019-07/2019-09", "2018"]
    extend_time_lexicon("period", "year_span", "thời kỳ")
    extend_time_lexicon("period", "month", "th")
    assert [t.period for t in periods.find_times(text)] == ["2011/2020", "2019-07/2019-09", "2018-10/2018-12"]


def test_status_year_after_the_number_follows_the_lexicon(extend_time_lexicon):
    text = "Số thuê bao 5G đạt 20 triệu thuê bao trước năm 2030."
    assert row(text, "20 triệu thuê bao").status == "actual"
    extend_time_lexicon("status", "target_year_after", "trước năm")
    assert row(text, "20 triệu thuê bao").status == "target"


def test_heading_words_added_to_the_lexicon_are_read_without_code_changes(extend_time_lexicon):
    text = "GIẢI PHÁP TRỌNG TÂM\n- Phủ sóng 5G tới 90% dân số."
    assert row(text, "90%").status == "actual"
    extend_time_lexicon("status", "target_heading", "giải pháp")
    assert row(text, "90%").status == "target"


_SECTIONS = st.lists(st.tuples(st.integers(0, 200), st.integers(1, 120)), max_size=12).map(
    lambda pairs: [(a, a + length, f"heading {a}") for a, length in sorted(pairs)])


@given(sections=_SECTIONS, positions=st.lists(st.integers(0, 330), max_size=30))
def test_the_section_index_finds_what_a_scan_of_every_section_finds(sections, positions):
    """SectionIndex keeps the sections open at the last position; asked in document order (and
    out of it), it must answer as the first section in heading order holding the position."""
    index = SectionIndex(sections)
    for pos in sorted(positions) + positions:
        assert index.heading_at(pos) == next((h for a, b, h in sections if a <= pos < b), None)


@given(st.text(alphabet="0129.,- an", max_size=40))
def test_years_found_by_literal_scans_equal_one_pattern(text):
    """_Years scans for "20" and "19" (fast literal searches); that must find the years one
    pattern led by a look-behind finds."""
    one = regex.compile(r"(?<![\d.,])((?:19|20)\d{2})(?![\d.,]\d)")
    assert periods._Years(text)() == [(m.start(), int(m.group(1))) for m in one.finditer(text)]


@pytest.mark.parametrize("text", TIME_TEXTS)
def test_time_expressions_found_from_anchors_equal_a_full_scan(text):
    """find_times tries its pattern only at digits and starter words; that must find what a scan of every position finds."""
    combined = periods._patterns()[0]
    assert [m.span() for m in periods._time_matches(text)] == [m.span() for m in combined.finditer(text)]


@pytest.mark.parametrize("text", TIME_TEXTS)
def test_words_found_in_one_pass_equal_words_searched_one_by_one(text):
    vocabulary = _vocabulary(())
    one_pass, one_by_one = Words(text, vocabulary), Words(text)
    assert all(one_pass.positions(w) == one_by_one.positions(w) for w in vocabulary)


def test_words_whose_lower_case_is_longer_are_still_found_at_their_offsets():
    text = "İstanbul: doanh thu năm nay tăng"  # "İ".lower() is two characters
    words = Words(text, _vocabulary(()))
    assert words.lower is None
    assert [text[p:p + 5] for p in words.positions("doanh")] == ["doanh"]


PHRASE_TEXTS = TIME_TEXTS + [
    "Doanh thu và doanh\u00a0thu, doanh  thu, doanh\tthu; doanh\nthu. DOANH THU doanh thu doanh thu",
    "Tỷ lệ  ứng dụng IPv6 đạt 53%, tỷ lệ\u00a0ứng dụng IPv6; tên miền “.vn” và tên  miền .vn",
    "İstanbul: doanh thu dự kiến  đạt 118 tỷ USD, mục tiêu đến năm 2025",
    # gapped phrases: the word after the gap near, far, missing, or past the sentence end
    "Ứng dụng Zalo có 75 triệu người dùng. Ứng dụng này mới. Người dùng tăng; ứng dụng a b c d e f g h i j k người dùng",
    "Theo kế hoạch thì đạt 80%. Theo đó, doanh nghiệp. Thì thôi. Tỷ lệ ứng dụng. IPv6 đạt 53%, tỷ lệ hộ dùng IPv6",
    # runs of spaces first and last, with the phrase before, between and after them
    "Doanh  thu viễn thông đầu. Doanh thu viễn thông, tên miền quốc gia và tỷ lệ  hồ sơ; dự kiến  đạt, doanh thu viễn thông",
]


@pytest.mark.parametrize("text", PHRASE_TEXTS)
def test_phrases_found_from_the_word_index_equal_a_regex_scan_of_each_sentence(text):
    """PhraseSet.hits reads plain phrases from the word index and runs regexes only where
    spaces are irregular; that must find what each phrase's regex finds sentence by sentence."""
    from ictstats.metrics import _phrase_sets
    from ictstats.status import _cue_sets
    from ictstats.text import Layout

    layout = Layout(text)
    words = Words(text, _vocabulary(()))
    cues, _, excludes, _ = _phrase_sets(taxonomy())
    for phrases in (cues, excludes, *_cue_sets().values()):
        expected = sorted(  # in order of start, then of phrase
            ((m.start(), m.end(), i)
            for i, p in enumerate(phrases.phrases)
            for s, e in layout.sentence_bounds
            for m in cue_regex(p).finditer(text, s, e)),
            key=lambda hit: (hit[0], hit[2]),
        )
        assert phrases.hits(words, lambda pos: layout.sentence_span(pos)[1]) == expected


COMPARISON_TEXTS = TIME_TEXTS + [
    "tăng 12% so với năm 2019, gấp 3 lần năm 2010, tăng 5% so với cùng kỳ năm 2022 và so với\u00a0 tháng 9/2022",
    "SO VỚI Quý I/2016, giảm so với cùng thời điểm năm 2020; kể từ 2015, từ năm 2018, Từ 5/2020, từ\n1/1/2021",
    "tăng so với mức năm 2023 và cùng kỳ 2021, cao hơn thời điểm tháng 6/2024",
]


@pytest.mark.parametrize("text", COMPARISON_TEXTS)
def test_last_word_tests_before_the_baseline_and_since_patterns_change_nothing(text, monkeypatch):
    """find_times runs its baseline and since patterns only after a string test on the word
    before the time expression; with tests that always pass it must find the same."""
    gated = periods.find_times(text, "2024-05-01")
    monkeypatch.setattr(periods, "_ending_words", lambda: (("",), ("",), 1))
    assert periods.find_times(text, "2024-05-01") == gated


@pytest.mark.parametrize(
    "text, spans",
    [
        ("Doanh thu (năm 2023) đạt 5 tỷ", [(10, 20)]),
        ("a) tỷ lệ (b (c) d) 5%", [(12, 15), (9, 18)]),  # a ")" with none open closes nothing
        ("(2023) 5%", [(0, 6)]),
        ("tỷ lệ (chưa đóng 5%", []),
        ("không có ngoặc, 5%", []),
        (") ) (x) 5", [(4, 7)]),
    ],
)
def test_closed_parentheses(text, spans):
    """The parentheses opened and closed before the number (a status and period barrier)."""
    from ictstats.status import closed_parentheses

    assert closed_parentheses(text, 0, len(text)) == spans


def test_every_short_sequence_of_time_grammar_words_resolves_without_raising():
    """A branch of the time pattern that matches must resolve: '10 tháng năm qua' once raised.
    Every sequence of four of the grammar's words and numbers is tried, which random text
    never reaches."""
    import itertools

    pool = ["10", "mười", "2024", "I", "5/2020", "tháng", "năm", "quý", "đầu", "cuối", "nay", "ngoái", "qua", "lũy kế"]
    for words in itertools.product(pool, repeat=4):
        text = " ".join(words) + " đạt 5 tỷ USD"
        for t in periods.find_times(text, "2026-10-01"):
            assert text[t.start:t.end].strip() and (t.period == "" or t.period[:2] in ("19", "20")), (text, t)
