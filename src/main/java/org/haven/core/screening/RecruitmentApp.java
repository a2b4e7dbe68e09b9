package org.haven.core.screening;

/** HTCDS vic_RecruitmentWebsitesAndApps (multi-select); {@link #htcds()} is the standard's value name. */
public enum RecruitmentApp {
    FACEBOOK("Facebook"),
    INSTAGRAM("Instagram"),
    WHATSAPP("WhatsApp"),
    TELEGRAM("Telegram"),
    FACEBOOK_MESSENGER("FacebookMessenger"),
    VIBER("Viber"),
    SNAPCHAT("SnapChat"),
    LINE("Line"),
    FOUR_SALE("4Sale"),
    WECHAT("WeChat"),
    QQ("QQ"),
    QZONE("QZone"),
    TIKTOK("TikTok"),
    TWITTER("Twitter"),
    OTHER("Other");

    private final String htcds;

    RecruitmentApp(String htcds) {
        this.htcds = htcds;
    }

    public String htcds() {
        return htcds;
    }
}
