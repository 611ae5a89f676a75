/// Pages written for these tests (no text copied from any real site).
enum Fixtures {
  /// An Indonesian news page with every kind of chrome the stage must drop.
  static let indonesianNews = """
    <!DOCTYPE html>
    <html lang="id">
    <head>
      <meta charset="utf-8">
      <title>Warga Kampung Hijau Tanam Seribu Pohon - Kabar Kota</title>
      <meta property="og:title" content="Warga Kampung Hijau Tanam Seribu Pohon">
      <meta property="og:site_name" content="Kabar Kota">
      <meta property="article:published_time" content="2024-05-01T09:30:00+07:00">
      <meta name="author" content="Sari Wulandari">
      <link rel="canonical" href="/berita/2024/05/01/seribu-pohon">
      <script type="application/ld+json">
      {"@context":"https://schema.org","@type":"NewsArticle","headline":"Warga Kampung Hijau Tanam Seribu Pohon",
       "datePublished":"2024-05-01T09:30:00+07:00","author":{"@type":"Person","name":"Sari Wulandari"},
       "interactionStatistic":{"@type":"InteractionCounter","interactionType":"https://schema.org/ShareAction","userInteractionCount":"340"}}
      </script>
      <script>window.__DATA__ = {"article":{"share_count":340,"comment_count":12}};</script>
    </head>
    <body>
      <div class="cookie-banner">Situs ini memakai cookie untuk pengalaman terbaik. Setuju?</div>
      <header class="site-header"><a href="/">Kabar Kota</a>
        <nav class="main-nav"><a href="/nasional">Nasional</a> <a href="/daerah">Daerah</a> <a href="/olahraga">Olahraga</a></nav>
      </header>
      <ul class="breadcrumb"><li><a href="/">Home</a></li><li><a href="/daerah">Daerah</a></li></ul>
      <article class="detail">
        <h1>Warga Kampung Hijau Tanam Seribu Pohon</h1>
        <div class="share-bar"><a href="https://wa.me/?text=x">WhatsApp</a> <span class="share-count">Dibagikan 340 kali</span></div>
        <div class="detail-text">
          <p>KABAR KOTA - Sebanyak seribu bibit pohon ditanam oleh warga Kampung Hijau pada Minggu pagi, dalam kegiatan gotong royong yang digagas karang taruna setempat.</p>
          <div class="ads-inline">ADVERTISEMENT</div>
          <p>Ketua panitia, Budi Hartono, mengatakan bibit mangga, rambutan, dan trembesi dipilih karena cocok dengan tanah di bantaran sungai. <a href="/berita/2024/04/sungai-bersih">Program sungai bersih</a> tahun lalu menjadi awal gerakan ini.</p>
          <p class="baca-juga-inline">Baca juga: <a href="/berita/lain">Banjir Surut, Warga Mulai Bersih-bersih</a></p>
          <h2>Target Tahun Depan</h2>
          <p>Panitia berharap jumlah pohon bisa mencapai lima ribu tahun depan, dengan dukungan kelurahan dan sekolah-sekolah di sekitar kampung.</p>
          <p>SCROLL TO CONTINUE WITH CONTENT</p>
          <p>"Kami ingin anak-anak tumbuh dengan udara yang lebih bersih," ujar Budi di sela kegiatan, sambil menunjukkan peta lokasi penanaman. #KampungHijau bersama @karangtaruna_hijau.</p>
          <p>Ikuti saluran WhatsApp Kabar Kota untuk berita terbaru setiap hari.</p>
        </div>
        <div class="related-articles"><h3>Berita Terkait</h3>
          <ul><li><a href="/a">Pasar Rakyat Dibuka Kembali Setelah Renovasi Panjang</a></li>
          <li><a href="/b">Jalan Lingkar Utara Segera Diperbaiki Tahun Ini Juga</a></li></ul></div>
      </article>
      <div class="newsletter-box"><p>Daftar newsletter kami dan dapatkan ringkasan berita setiap pagi langsung ke kotak masuk Anda.</p>
        <form><input type="email"><button>Daftar</button></form></div>
      <section id="comments" class="comments-area"><h3>12 Komentar</h3>
        <div class="comment"><p>Mantap sekali, semoga kampung lain ikut menanam pohon seperti ini ya, salut untuk warga.</p></div>
        <form class="comment-form"><textarea></textarea><button>Kirim</button></form></section>
      <aside class="sidebar"><h3>Terpopuler</h3><p>Artikel populer minggu ini yang banyak dibaca oleh pembaca setia kami di seluruh kota.</p></aside>
      <footer class="site-footer"><p>© 2024 Kabar Kota. Hak cipta dilindungi undang-undang. Semua konten milik redaksi.</p></footer>
    </body>
    </html>
    """

  /// An English blog post with a byline, a figure and a share bar.
  static let englishPost = """
    <html><head><title>How our town repaired its library | Riverside Notes</title>
    <meta name="twitter:title" content="How our town repaired its library"></head>
    <body><div id="page"><div class="menu"><a href="/">Home</a><a href="/about">About</a></div>
    <main><h1>How our town repaired its library</h1>
    <p class="byline">By Alex Moreno</p>
    <p>The roof of the old library had leaked for three winters before volunteers, tired of waiting, organised a weekend of repairs.</p>
    <figure><img src="/roof.jpg"><figcaption>Volunteers on the roof (Photo: Riverside Notes)</figcaption></figure>
    <p>They raised the money in small amounts, mostly from neighbours, and a local carpenter donated the timber for the new beams.</p>
    <ul class="social-share"><li><a href="https://twitter.com/intent/tweet">Tweet</a></li><li>3.4K shares</li></ul>
    <p>Today the reading room is dry, warm, and busier than it has been in a decade, according to the librarians who run it.</p>
    </main>
    <div class="newsletter">Subscribe to our newsletter for more stories like this one every week.</div>
    </div></body></html>
    """
}
