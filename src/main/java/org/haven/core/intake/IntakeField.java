package org.haven.core.intake;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The fields an intake list can fill, named like the identified export's header (name_latin,
 * date_of_birth, ...): the person's, then the case's trafficking details (country_of_exploitation,
 * recruiter_relation, methods_of_control), which the import records on the new case. Each knows the header spellings a police or partner list may
 * use for it, in English and the region's languages, already folded by {@link Headers#normalize}.
 */
public enum IntakeField {
    NAME_LATIN("name_latin", "name", "full name", "fullname", "latin name", "name latin", "name in latin",
            "romanized name", "romanised name", "english name", "name in english", "name english", "pinyin",
            "nom", "nombre", "nama", "nama lengkap", "ho ten", "ho va ten", "ten", "prs name", "拼音"),
    NAME_NATIVE("name_native", "native name", "name native", "name in native script", "native script name",
            "original name", "local name", "ten goc", "ten tieng me de", "name local", "name original", "姓名", "名字", "ชื่อ", "ชื่อ สกุล",
            "ឈ្មោះ", "အမည်"),
    ALIASES("aliases", "alias", "aka", "also known as", "other names", "other name", "nickname", "nicknames"),
    SEX("sex", "gender", "prs gender", "gioi tinh", "jenis kelamin", "sexe", "sexo", "性别", "เพศ", "ភេទ", "လိင်"),
    DATE_OF_BIRTH("date_of_birth", "dob", "d o b", "date of birth", "birth date", "birthdate", "birthday", "born",
            "prs birthdate", "ngay sinh", "ngay thang nam sinh", "tanggal lahir", "tgl lahir", "出生日期", "生日",
            "วันเกิด", "ថ្ងៃខែឆ្នាំកំណើត", "မွေးနေ့"),
    AGE("age", "estimated age", "approx age", "approximate age", "age estimated", "age years", "tuoi", "umur",
            "usia", "年龄", "อายุ", "អាយុ", "အသက်"),
    NATIONALITY("nationality", "citizenship", "country", "country of origin", "country of citizenship",
            "prs citizenship", "prs nationality", "quoc tich", "kewarganegaraan", "nationalite", "nacionalidad",
            "国籍", "สัญชาติ", "សញ្ជាតិ", "နိုင်ငံသား"),
    LANGUAGES("languages", "language", "spoken languages", "languages spoken", "mother tongue", "ngon ngu",
            "bahasa", "langue", "idioma", "语言", "ภาษา", "ភាសា", "ဘာသာစကား"),
    INTERPRETER_NEEDED("interpreter_needed", "interpreter", "needs interpreter", "interpreter required",
            "interpreter needed", "phien dich", "thong dich", "penerjemah", "juru bahasa", "翻译", "需要翻译", "ล่าม"),
    DOCUMENT_STATUS("document_status", "document status", "documents status", "document", "documents",
            "passport status", "id status", "document location", "where is the document", "giay to", "dokumen"),
    DOCUMENT_NUMBER("document_number", "document number", "document no", "doc number", "doc no", "passport",
            "passport number", "passport no", "id number", "id no", "so ho chieu", "nomor paspor", "no paspor",
            "护照号码", "护照号", "เลขหนังสือเดินทาง"),
    FAMILY_CONTACT("family_contact", "family contact", "emergency contact", "family", "contact of family",
            "next of kin"),
    NOTES("notes", "note", "remarks", "remark", "comment", "comments", "ghi chu", "catatan", "备注", "หมายเหตุ"),
    // The case's trafficking details (the "Trafficking details" tab, HTCDS/CTDC; see TraffickingColumns).
    COUNTRY_OF_EXPLOITATION("country_of_exploitation", "country of exploitation", "countryofexploitation",
            "exploitation country", "country exploited", "country where exploited", "hte country",
            "quoc gia bi boc lot", "negara tempat eksploitasi", "negara eksploitasi", "遭受剥削的国家", "剥削国家", "ប្រទេសដែលរងការកេងប្រវ័ញ្ច"),
    RECRUITER_RELATION("recruiter_relation", "recruiter relation", "recruiter relationship", "recruiterrelation",
            "relation to recruiter", "relationship to recruiter", "recruiter s relation to the person",
            "recruiter s relation", "quan he cua nguoi tuyen mo voi nguoi nay", "quan he voi nguoi tuyen mo", "hubungan perekrut dengan orang ini",
            "hubungan perekrut", "招募者与此人的关系", "招募者关系", "ទំនាក់ទំនងរបស់អ្នកជ្រើសរើសជាមួយបុគ្គលនេះ"),
    METHODS_OF_CONTROL("methods_of_control", "methods of control", "method of control", "means of control",
            "methodsofcontrol", "vic methodsofcontrol", "control methods", "phuong thuc kiem soat", "cara pengendalian",
            "控制手段", "វិធីសាស្ត្រគ្រប់គ្រង");

    private final String header;
    private final List<String> spellings;

    IntakeField(String header, String... spellings) {
        this.header = header;
        this.spellings = Arrays.stream(spellings).map(Headers::normalize).toList();
    }

    /** The field's name as in mapping files, error messages and the identified export's header. */
    public String header() {
        return header;
    }

    /** Normalized header spellings that mean this field (the field's own name included). */
    public boolean matches(String normalizedHeader) {
        return Headers.normalize(header).equals(normalizedHeader) || spellings.contains(normalizedHeader);
    }

    public static Optional<IntakeField> byHeader(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.header.equals(n)).findFirst();
    }
}
