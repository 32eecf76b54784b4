"""What each error code says to a person, in English and Malay (the web's languages, docs/web.md).

The pages show the message of the code they receive; API clients branch on the code and may show the
message. A code without a sentence here says a general one, never nothing.
"""

from __future__ import annotations

# code: (English, Malay)
MESSAGES: dict[str, tuple[str, str]] = {
    "invalid": ("Some fields are not valid.", "Sesetengah medan tidak sah."),
    "bad_request": ("The request could not be understood.", "Permintaan tidak dapat difahami."),
    "not_signed_in": ("Please sign in.", "Sila log masuk."),
    "wrong": ("The name or password is wrong.", "Nama atau kata laluan salah."),
    "wait": (
        "Too many wrong attempts: please wait and try again.",
        "Terlalu banyak cubaan salah: sila tunggu dan cuba lagi.",
    ),
    "forbidden": ("You may not do this.", "Anda tidak dibenarkan melakukan ini."),
    "role_needed": ("Your role may not do this.", "Peranan anda tidak membenarkan tindakan ini."),
    "csrf": (
        "The page is out of date: reload it and try again.",
        "Halaman ini sudah lama: muat semula dan cuba lagi.",
    ),
    "not_found": ("Not found.", "Tidak dijumpai."),
    "method_not_allowed": (
        "This action is not possible here.",
        "Tindakan ini tidak boleh dilakukan di sini.",
    ),
    "not_acceptable": ("The requested format is not available.", "Format yang diminta tiada."),
    "body_too_large": ("The upload is too large.", "Muat naik terlalu besar."),
    "unsupported_media_type": ("The content type is not accepted.", "Jenis kandungan tidak diterima."),
    "too_many_requests": (
        "Too many requests: please slow down.",
        "Terlalu banyak permintaan: sila perlahankan.",
    ),
    "internal": (
        "Something went wrong at the station; it has been logged.",
        "Berlaku ralat di stesen; ia telah direkodkan.",
    ),
    "busy": ("The station is busy with this; try again shortly.", "Stesen sedang sibuk; cuba sebentar lagi."),
    "unknown_session": ("No such session.", "Sesi tiada."),
    "unknown_charger": ("No such charger.", "Pengecas tiada."),
    "unknown_connector": ("No such connector.", "Penyambung tiada."),
    "unknown_change": ("No such configuration change.", "Perubahan konfigurasi tiada."),
    "unknown_token": ("No such token.", "Token tiada."),
    "unknown_account": ("No such account.", "Akaun tiada."),
    "charger_in_use": ("The charger is in use.", "Pengecas sedang digunakan."),
    "nothing_to_refund": ("There is nothing left to refund.", "Tiada baki untuk dipulangkan."),
    "payments_unavailable": ("Payments are not available now.", "Pembayaran tidak tersedia sekarang."),
    "analytics_unavailable": ("Analytics are not available.", "Analitik tidak tersedia."),
    "package_refused": ("The firmware package was refused.", "Pakej perisian tegar ditolak."),
    "no_vendor_key": (
        "No vendor key is configured for firmware packages.",
        "Tiada kunci vendor dikonfigurasi untuk pakej perisian tegar.",
    ),
    "no_flasher": (
        "This charger cannot be updated from here.",
        "Pengecas ini tidak boleh dikemas kini dari sini.",
    ),
    "no_source": ("No firmware source is configured.", "Tiada sumber perisian tegar dikonfigurasi."),
    "source_unreachable": (
        "The firmware source cannot be reached.",
        "Sumber perisian tegar tidak dapat dicapai.",
    ),
    "no_export_drive": ("No USB drive is mounted.", "Tiada pemacu USB dipasang."),
    "export_dir_missing": ("The export folder is missing.", "Folder eksport tiada."),
    "export_failed": ("The export could not be written.", "Eksport tidak dapat ditulis."),
    "flash_failed": ("The charger could not be updated.", "Pengecas tidak dapat dikemas kini."),
    "no_previous_image": (
        "There is no earlier firmware to go back to.",
        "Tiada perisian tegar terdahulu untuk dikembalikan.",
    ),
    "bad_filter": ("A filter is not valid.", "Penapis tidak sah."),
    "bad_month": ("The month is not valid.", "Bulan tidak sah."),
    "bad_page": ("The page is not valid.", "Halaman tidak sah."),
    "bad_days": ("The days are not valid.", "Hari tidak sah."),
    "bad_target": ("The target is not valid.", "Sasaran tidak sah."),
    "wrong_target": ("The package is for another device.", "Pakej ini untuk peranti lain."),
    "source_unsupported": (
        "That firmware source is not supported.",
        "Sumber perisian tegar itu tidak disokong.",
    ),
    "no_receipt": ("This session has no receipt.", "Sesi ini tiada resit."),
    "no_change": ("Nothing was changed.", "Tiada perubahan dibuat."),
    "bad_amount": ("The amount is not valid.", "Jumlah tidak sah."),
    "bad_reason": ("Choose a reason from the list.", "Pilih sebab daripada senarai."),
    "bad_period": ("The period is not valid.", "Tempoh tidak sah."),
    "pin_rule": ("The PIN does not meet the rules.", "PIN tidak memenuhi peraturan."),
    "password_too_short": ("The password is too short.", "Kata laluan terlalu pendek."),
    "password_too_long": ("The password is too long.", "Kata laluan terlalu panjang."),
    "password_weak": ("The password is too easy to guess.", "Kata laluan terlalu mudah diteka."),
    "scope_unknown": ("Unknown token scope.", "Skop token tidak diketahui."),
    "scope_exceeds_role": ("The scope goes beyond the account's role.", "Skop melebihi peranan akaun."),
    "link_invalid": ("This link is not valid any more.", "Pautan ini tidak sah lagi."),
    "connector_unavailable": (
        "This connector cannot start a session now.",
        "Penyambung ini tidak boleh memulakan sesi sekarang.",
    ),
    "live_full": (
        "Too many live connections; try again later.",
        "Terlalu banyak sambungan langsung; cuba lagi nanti.",
    ),
}
_GENERAL = ("The request was refused.", "Permintaan ditolak.")


def message(code: str, language: str) -> str:
    english, malay = MESSAGES.get(code, _GENERAL)
    return malay if language == "ms" else english
