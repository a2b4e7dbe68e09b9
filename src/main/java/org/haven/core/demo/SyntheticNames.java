package org.haven.core.demo;

import java.util.List;
import java.util.Random;

/**
 * Synthetic names per nationality, each in its own script and in Latin letters. Common given and
 * family names combined at random: they name nobody in particular.
 */
final class SyntheticNames {
    record Name(String nativeForm, String latin) {}

    private record Parts(String nationality, boolean familyFirst, String[][] family, String[][] given,
                         String language) {}

    private static final List<Parts> PARTS = List.of(
        new Parts("VN", true,
            new String[][] {{"Nguyễn", "Nguyen"}, {"Trần", "Tran"}, {"Lê", "Le"}, {"Phạm", "Pham"}, {"Hoàng", "Hoang"},
                {"Vũ", "Vu"}, {"Đặng", "Dang"}, {"Bùi", "Bui"}, {"Đỗ", "Do"}, {"Ngô", "Ngo"}},
            new String[][] {{"Văn Hùng", "Van Hung"}, {"Thị Lan", "Thi Lan"}, {"Minh Tuấn", "Minh Tuan"},
                {"Thị Hương", "Thi Huong"}, {"Đức Anh", "Duc Anh"}, {"Thu Trang", "Thu Trang"}, {"Quốc Bảo", "Quoc Bao"},
                {"Thị Mai", "Thi Mai"}, {"Văn Long", "Van Long"}, {"Ngọc Ánh", "Ngoc Anh"}}, "vi"),
        new Parts("CN", true,
            new String[][] {{"王", "Wang"}, {"李", "Li"}, {"张", "Zhang"}, {"刘", "Liu"}, {"陈", "Chen"}, {"杨", "Yang"},
                {"黄", "Huang"}, {"赵", "Zhao"}, {"周", "Zhou"}, {"吴", "Wu"}},
            new String[][] {{"伟", "Wei"}, {"芳", "Fang"}, {"娜", "Na"}, {"敏", "Min"}, {"静", "Jing"}, {"强", "Qiang"},
                {"磊", "Lei"}, {"洋", "Yang"}, {"勇", "Yong"}, {"杰", "Jie"}, {"秀英", "Xiuying"}, {"建华", "Jianhua"}}, "zh"),
        new Parts("KH", true,
            new String[][] {{"សុខ", "Sok"}, {"ចាន់", "Chan"}, {"ហេង", "Heng"}, {"លី", "Ly"}, {"សៀង", "Seang"},
                {"ឈឹម", "Chhim"}, {"កែវ", "Keo"}, {"ពៅ", "Pov"}},
            new String[][] {{"ដារ៉ា", "Dara"}, {"សុភា", "Sophea"}, {"វណ្ណា", "Vanna"}, {"ចន្ធូ", "Chanthou"},
                {"សុផល", "Sophal"}, {"រតនា", "Ratana"}, {"បូរ៉ា", "Bora"}, {"ស្រីនិច", "Sreynich"}}, "km"),
        new Parts("TH", false,
            new String[][] {{"ใจดี", "Jaidee"}, {"ศรีสุข", "Srisuk"}, {"วงศ์ไทย", "Wongthai"}, {"แก้วมณี", "Kaewmanee"},
                {"บุญมา", "Boonma"}, {"สุขสวัสดิ์", "Suksawat"}},
            new String[][] {{"สมชาย", "Somchai"}, {"สมศรี", "Somsri"}, {"วิชัย", "Wichai"}, {"นภา", "Napha"},
                {"อนันต์", "Anan"}, {"มาลี", "Malee"}}, "th"),
        new Parts("LA", false,
            new String[][] {{"ພົມມະຈັນ", "Phommachanh"}, {"ສີສຸວັນ", "Sisouvanh"}, {"ວົງສາ", "Vongsa"},
                {"ແສງທອງ", "Saengthong"}},
            new String[][] {{"ສົມພອນ", "Somphone"}, {"ບຸນມີ", "Bounmy"}, {"ແກ້ວ", "Keo"}, {"ນ້ອຍ", "Noy"},
                {"ຄຳພອນ", "Khamphone"}}, "lo"),
        new Parts("MM", false,
            new String[][] {{"", ""}},
            new String[][] {{"အောင်ကျော်", "Aung Kyaw"}, {"မြင့်မြင့်", "Myint Myint"}, {"ဇော်ဝင်း", "Zaw Win"},
                {"သီတာ", "Thida"}, {"ကျော်ဇော", "Kyaw Zaw"}, {"နီလာ", "Nilar"}, {"မောင်မောင်", "Maung Maung"},
                {"ခင်မာ", "Khin Mar"}}, "my"),
        new Parts("ID", false,
            new String[][] {{"Santoso", "Santoso"}, {"Wijaya", "Wijaya"}, {"Saputra", "Saputra"}, {"Hidayat", "Hidayat"},
                {"Lestari", "Lestari"}, {"Pratama", "Pratama"}},
            new String[][] {{"Budi", "Budi"}, {"Siti", "Siti"}, {"Agus", "Agus"}, {"Dewi", "Dewi"}, {"Rizky", "Rizky"},
                {"Putri", "Putri"}, {"Andi", "Andi"}}, "id"),
        new Parts("PH", false,
            new String[][] {{"Santos", "Santos"}, {"Reyes", "Reyes"}, {"Cruz", "Cruz"}, {"Bautista", "Bautista"},
                {"Garcia", "Garcia"}, {"Mendoza", "Mendoza"}},
            new String[][] {{"Maria", "Maria"}, {"Jose", "Jose"}, {"Angelica", "Angelica"}, {"Mark", "Mark"},
                {"Jericho", "Jericho"}, {"Rowena", "Rowena"}}, "tl"),
        new Parts("MY", false,
            new String[][] {{"bin Ahmad", "bin Ahmad"}, {"binti Ismail", "binti Ismail"}, {"Tan", "Tan"}},
            new String[][] {{"Farid", "Farid"}, {"Nurul", "Nurul"}, {"Wei Ming", "Wei Ming"}}, "ms"),
        new Parts("BD", false,
            new String[][] {{"হোসেন", "Hossain"}, {"রহমান", "Rahman"}, {"আক্তার", "Akter"}},
            new String[][] {{"মোহাম্মদ", "Mohammad"}, {"ফাতেমা", "Fatema"}, {"রফিক", "Rafiq"}}, "bn"),
        new Parts("KE", false,
            new String[][] {{"Otieno", "Otieno"}, {"Wanjiru", "Wanjiru"}, {"Kamau", "Kamau"}},
            new String[][] {{"Brian", "Brian"}, {"Faith", "Faith"}, {"Kevin", "Kevin"}}, "sw"));

    /** Weights per nationality, roughly as raids in the region find people. */
    private static final int[] WEIGHTS = {22, 20, 10, 8, 6, 8, 12, 7, 3, 2, 2};

    private SyntheticNames() {}

    record Drawn(String nationality, String language, Name name) {}

    static Drawn draw(Random random) {
        int total = 0;
        for (int w : WEIGHTS) total += w;
        int pick = random.nextInt(total);
        int i = 0;
        while (pick >= WEIGHTS[i]) pick -= WEIGHTS[i++];
        Parts p = PARTS.get(i);
        String[] family = p.family()[random.nextInt(p.family().length)];
        String[] given = p.given()[random.nextInt(p.given().length)];
        String nativeForm;
        String latin;
        if (family[1].isEmpty()) {
            nativeForm = given[0];
            latin = given[1];
        } else if (p.familyFirst()) {
            boolean joined = p.nationality().equals("CN");
            nativeForm = family[0] + (joined ? "" : " ") + given[0];
            latin = family[1] + " " + given[1];
        } else {
            nativeForm = given[0] + " " + family[0];
            latin = given[1] + " " + family[1];
        }
        boolean latinScript = nativeForm.equals(latin);
        return new Drawn(p.nationality(), p.language(), new Name(latinScript ? null : nativeForm, latin));
    }
}
