/// Documents written for the extract tests (all text invented for them): three news pages of one site
/// sharing a WhatsApp-channel promo, a petition page with a registry link, an English appeal with a
/// bare donation domain, an English news report (hard negatives only), a foreign record with a numeric
/// id, an empty document and one broken line.
enum ExtractFixtures {
  static let documentsJSONL = #"""
    {"id": "kabar-1", "url": "https://kabarkota.example/berita/banjir-rob", "site_name": "KabarKota", "lang": "id", "text": "Banjir rob kembali merendam permukiman nelayan di pesisir utara sejak Senin pagi.\nWarga mengatakan air setinggi lutut sudah masuk ke rumah mereka.\nIkuti saluran WhatsApp KabarKota untuk kabar terbaru."}
    {"id": "kabar-2", "url": "https://kabarkota.example/berita/harga-cabai", "site_name": "KabarKota", "lang": "id", "text": "Harga cabai rawit di pasar induk naik dua kali lipat dalam sepekan.\nPedagang menyebut pasokan dari sentra produksi berkurang karena hujan.\nIkuti saluran WhatsApp KabarKota untuk kabar terbaru!"}
    {"id": "kabar-3", "url": "https://kabarkota.example/berita/petisi-taman", "site_name": "KabarKota", "lang": "id", "text": "Ribuan warga telah menandatangani petisi penolakan alih fungsi taman kota.\nPenggagas petisi meminta wali kota membatalkan izin pembangunan.\nIkuti saluran WhatsApp KabarKota untuk kabar terbaru 👉"}
    {"id": "kampanye-1", "url": "https://www.change.org/p/selamatkan-taman-kota", "lang": "id", "text": "Taman Kota adalah satu-satunya ruang hijau di kecamatan kami.\nTanda tangani petisi ini dan minta wali kota membatalkan izin pembangunan mal!\nYuk bantu sebarkan ke grup keluarga ya 🙏 #SelamatkanTamanKota", "links": [{"url": "https://www.change.org/p/selamatkan-taman-kota/sign", "text": "Tanda tangani petisi ini", "in_main": true}]}
    {"id": "appeal-1", "url": "https://riverwatch.example/appeal", "lang": "en", "site_name": "River Watch", "text": "The river has turned grey downstream of the tannery for the third month in a row. Donate today at kitabisa.com/sungaibersih so we can pay for independent water tests. Then call your council member and ask why the permit was renewed."}
    {"id": "broken", "text": 
    {"id": "news-en-1", "url": "https://dailyledger.example/story", "lang": "en", "text": "Protesters marched to the governor's office on Friday, police said. More than 40,000 people have signed the petition since March. Should the city pay for the tests?"}
    {"id": 77, "text": "Join us at the town hall on Saturday at 10 am, bring a sign and a friend!"}
    {"id": "empty-1", "text": ""}
    """#
}
