"""The receipt's labels and its e-mail's words by language (en, ms, zh_CN, ta), English as the fallback.

One table for the PDF and the mail so a label reads the same in both. The words follow
docs/glossary-drivers.md (penyambung, sesi, rujukan, talian bantuan, ...); units (kWh), the currency
(RM) and the tax (SST) are written as Malaysian signage writes them, in every language.
"""

from __future__ import annotations

from typing import Any

LANGUAGES = ("en", "ms", "zh_CN", "ta")
FALLBACK = "en"

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Receipt",
        "receipt_no": "Receipt no.",
        "issued": "Date",
        "brn": "Business reg. no.",
        "sst_reg": "SST reg. no.",
        "station": "Station",
        "connector": "Connector",
        "session": "Session reference",
        "started": "Started",
        "stopped": "Stopped",
        "meter_start": "Meter at start",
        "meter_stop": "Meter at stop",
        "energy": "Energy",
        "tariff": "Tariff",
        "charges": "Charges",
        "subtotal": "Subtotal",
        "tax": "SST {rate}",
        "tax_included": "Includes SST {rate}",
        "total": "Total",
        "payment": "Payment",
        "method": "Paid by",
        "method.card_present": "Card at the station",
        "method.card": "Card online",
        "method.fpx": "FPX online banking",
        "method.grabpay": "GrabPay",
        "card": "Card",
        "authorised": "Amount held",
        "captured": "Amount charged",
        "refund": "Refund {date}",
        "refunded": "Refunded",
        "paid": "Paid",
        "auth_code": "Authorisation code",
        "provider_ref": "Payment reference",
        "thanks": "Thank you for charging with us.",
        "helpline": "Helpline: {number}",
        "mail.subject": "Your charging receipt {receipt_no}",
        "mail.body": (
            "Thank you for charging at {station}.\n\n"
            "Receipt no.: {receipt_no}\nEnergy: {energy}\nTotal: {total}\n\n"
            "Your receipt is attached as a PDF.\n"
        ),
    },
    "ms": {
        "title": "Resit",
        "receipt_no": "No. resit",
        "issued": "Tarikh",
        "brn": "No. pendaftaran syarikat",
        "sst_reg": "No. pendaftaran SST",
        "station": "Stesen",
        "connector": "Penyambung",
        "session": "Rujukan sesi",
        "started": "Mula",
        "stopped": "Tamat",
        "meter_start": "Meter semasa mula",
        "meter_stop": "Meter semasa tamat",
        "energy": "Tenaga",
        "tariff": "Tarif",
        "charges": "Caj",
        "subtotal": "Jumlah kecil",
        "tax": "SST {rate}",
        "tax_included": "Termasuk SST {rate}",
        "total": "Jumlah",
        "payment": "Pembayaran",
        "method": "Dibayar melalui",
        "method.card_present": "Kad di stesen",
        "method.card": "Kad dalam talian",
        "method.fpx": "Perbankan dalam talian FPX",
        "method.grabpay": "GrabPay",
        "card": "Kad",
        "authorised": "Amaun ditahan",
        "captured": "Amaun dicaj",
        "refund": "Bayaran balik {date}",
        "refunded": "Dibayar balik",
        "paid": "Dibayar",
        "auth_code": "Kod kebenaran",
        "provider_ref": "Rujukan pembayaran",
        "thanks": "Terima kasih kerana mengecas bersama kami.",
        "helpline": "Talian bantuan: {number}",
        "mail.subject": "Resit pengecasan anda {receipt_no}",
        "mail.body": (
            "Terima kasih kerana mengecas di {station}.\n\n"
            "No. resit: {receipt_no}\nTenaga: {energy}\nJumlah: {total}\n\n"
            "Resit anda dilampirkan sebagai PDF.\n"
        ),
    },
    "zh_CN": {
        "title": "收据",
        "receipt_no": "收据编号",
        "issued": "日期",
        "brn": "公司注册号",
        "sst_reg": "SST 注册号",
        "station": "充电站",
        "connector": "充电枪",
        "session": "本次充电编号",
        "started": "开始",
        "stopped": "结束",
        "meter_start": "开始时电表读数",
        "meter_stop": "结束时电表读数",
        "energy": "电量",
        "tariff": "收费标准",
        "charges": "费用",
        "subtotal": "小计",
        "tax": "SST {rate}",
        "tax_included": "含 SST {rate}",
        "total": "合计",
        "payment": "付款",
        "method": "付款方式",
        "method.card_present": "在充电站刷卡",
        "method.card": "网上刷卡",
        "method.fpx": "FPX 网上银行",
        "method.grabpay": "GrabPay",
        "card": "卡",
        "authorised": "预授权金额",
        "captured": "扣款金额",
        "refund": "退款 {date}",
        "refunded": "已退款",
        "paid": "实付",
        "auth_code": "授权码",
        "provider_ref": "付款编号",
        "thanks": "感谢您的使用。",
        "helpline": "客服热线：{number}",
        "mail.subject": "您的充电收据 {receipt_no}",
        "mail.body": (
            "感谢您在 {station} 充电。\n\n"
            "收据编号：{receipt_no}\n电量：{energy}\n合计：{total}\n\n"
            "收据已作为 PDF 附上。\n"
        ),
    },
    "ta": {
        "title": "ரசீது",
        "receipt_no": "ரசீது எண்",
        "issued": "தேதி",
        "brn": "நிறுவனப் பதிவு எண்",
        "sst_reg": "SST பதிவு எண்",
        "station": "நிலையம்",
        "connector": "இணைப்பி",
        "session": "அமர்வு குறிப்பு எண்",
        "started": "தொடக்கம்",
        "stopped": "முடிவு",
        "meter_start": "தொடக்க மீட்டர்",
        "meter_stop": "முடிவு மீட்டர்",
        "energy": "மின்சக்தி",
        "tariff": "கட்டண விகிதம்",
        "charges": "கட்டணங்கள்",
        "subtotal": "துணைத் தொகை",
        "tax": "SST {rate}",
        "tax_included": "SST {rate} உட்பட",
        "total": "மொத்தம்",
        "payment": "கட்டணம் செலுத்துதல்",
        "method": "செலுத்திய முறை",
        "method.card_present": "நிலையத்தில் அட்டை",
        "method.card": "இணைய அட்டை",
        "method.fpx": "FPX இணைய வங்கி",
        "method.grabpay": "GrabPay",
        "card": "அட்டை",
        "authorised": "நிறுத்தி வைத்த தொகை",
        "captured": "வசூலித்த தொகை",
        "refund": "திருப்பித் தந்தது {date}",
        "refunded": "திருப்பித் தந்தது",
        "paid": "செலுத்தியது",
        "auth_code": "அங்கீகாரக் குறியீடு",
        "provider_ref": "கட்டணக் குறிப்பு எண்",
        "thanks": "எங்களுடன் மின்னேற்றம் செய்ததற்கு நன்றி.",
        "helpline": "உதவி எண்: {number}",
        "mail.subject": "உங்கள் மின்னேற்ற ரசீது {receipt_no}",
        "mail.body": (
            "{station} நிலையத்தில் மின்னேற்றம் செய்ததற்கு நன்றி.\n\n"
            "ரசீது எண்: {receipt_no}\nமின்சக்தி: {energy}\nமொத்தம்: {total}\n\n"
            "உங்கள் ரசீது PDF ஆக இணைக்கப்பட்டுள்ளது.\n"
        ),
    },
}


def text(language: str, key: str, **values: Any) -> str:
    """The label `key` in `language`, English when the language or the key is missing; values filled in."""
    table = TEXTS.get(language, TEXTS[FALLBACK])
    template = table.get(key, TEXTS[FALLBACK][key])
    return template.format(**values) if values else template
