"""Categories, target groups and languages get their names in the other interface languages
(``translations``, ``directory/models/taxonomy_names.py``), and the shipped ones (0002, 0021)
their translations into Arabic, Albanian, Romanian, Ukrainian, Chinese, Spanish and French:
written for the project, not yet checked by native speakers."""

from importlib import import_module

from django.db import migrations, models


# slug: {language: (family name, short description for families)}
CATEGORY_LABELS = {
    "emergenze": {
        "ar": (
            "الطعام والفواتير والصحة",
            "التسوق والطرود الغذائية، المساعدة في دفع الفواتير والإيجار، العلاج والأدوية.",
        ),
        "sq": (
            "Ushqim, fatura dhe shëndet",
            "Ushqime dhe pako ushqimore, ndihmë për faturat dhe qiranë, kujdes dhe ilaçe.",
        ),
        "ro": (
            "Hrană, facturi și sănătate",
            "Cumpărături și pachete cu alimente, ajutor pentru facturi și chirie, îngrijire și medicamente.",
        ),
        "uk": (
            "Їжа, рахунки і здоров'я",
            "Продукти та продуктові набори, допомога з рахунками й орендою, лікування та ліки.",
        ),
        "zh-hans": ("食物、账单与健康", "日用品和食品包，帮助支付账单和房租，医疗和药品。"),
        "es": (
            "Comida, facturas y salud",
            "Compra y lotes de alimentos, ayuda con facturas y alquiler, atención médica y medicamentos.",
        ),
        "fr": (
            "Alimentation, factures et santé",
            "Courses et colis alimentaires, aide pour les factures et le loyer, soins et médicaments.",
        ),
    },
    "sostegno-alimentare": {
        "ar": ("الطعام والتسوق", "طرود غذائية ومتاجر تضامنية ومطاعم خيرية."),
        "sq": ("Ushqim dhe blerje", "Pako ushqimore, dyqane solidare dhe mensa."),
        "ro": ("Hrană și cumpărături", "Pachete cu alimente, magazine solidare și cantine."),
        "uk": ("Їжа та продукти", "Продуктові набори, соціальні крамниці та їдальні."),
        "zh-hans": ("食物与采购", "食品包、互助商店和食堂。"),
        "es": ("Comida y compra", "Lotes de alimentos, tiendas solidarias y comedores."),
        "fr": ("Alimentation et courses", "Colis alimentaires, épiceries solidaires et cantines."),
    },
    "sostegno-sanitario": {
        "ar": ("الصحة والدعم النفسي", "فحوصات طبية، أدوية، من يستمع إليك، ودعم نفسي."),
        "sq": (
            "Shëndet dhe psikolog",
            "Vizita, ilaçe, dikush që të dëgjon, mbështetje psikologjike.",
        ),
        "ro": (
            "Sănătate și psiholog",
            "Consultații, medicamente, cineva care te ascultă, sprijin psihologic.",
        ),
        "uk": ("Здоров'я та психолог", "Огляди, ліки, вас вислухають, психологічна підтримка."),
        "zh-hans": ("健康与心理咨询", "体检、药品、倾听和心理支持。"),
        "es": ("Salud y psicólogo", "Visitas médicas, medicamentos, escucha y apoyo psicológico."),
        "fr": (
            "Santé et psychologue",
            "Consultations, médicaments, écoute et soutien psychologique.",
        ),
    },
    "sostegno-economico": {
        "ar": ("الفواتير والإيجار", "مساعدة في دفع الفواتير والإيجار والمصاريف العاجلة."),
        "sq": ("Fatura dhe qira", "Ndihmë për të paguar faturat, qiranë dhe shpenzimet urgjente."),
        "ro": (
            "Facturi și chirie",
            "Ajutor pentru plata facturilor, a chiriei și a cheltuielilor urgente.",
        ),
        "uk": (
            "Рахунки та оренда",
            "Допомога в оплаті рахунків, оренди житла й термінових витрат.",
        ),
        "zh-hans": ("账单与房租", "帮助支付账单、房租和紧急开支。"),
        "es": ("Facturas y alquiler", "Ayuda para pagar facturas, alquiler y gastos urgentes."),
        "fr": (
            "Factures et loyer",
            "Aide pour payer les factures, le loyer et les dépenses urgentes.",
        ),
    },
    "sostegno-famiglie": {
        "ar": ("مساعدة الأسر", "شخص يستمع إلى الأسرة ويرشدها ويرافقها."),
        "sq": ("Ndihmë për familjet", "Dikush që e dëgjon, e orienton dhe e shoqëron familjen."),
        "ro": ("Ajutor pentru familii", "Cineva care ascultă, îndrumă și însoțește familia."),
        "uk": ("Допомога сім'ям", "Хтось, хто вислухає, зорієнтує та супроводить сім'ю."),
        "zh-hans": ("家庭帮助", "有人倾听、指导并陪伴家庭。"),
        "es": ("Ayuda a las familias", "Alguien que escucha, orienta y acompaña a la familia."),
        "fr": ("Aide aux familles", "Quelqu'un qui écoute, oriente et accompagne la famille."),
    },
    "nuove-poverta": {
        "ar": ("صعوبات مالية مفاجئة", "لمن أصبح مؤخرا غير قادر على تغطية نفقات الشهر."),
        "sq": (
            "Vështirësi të papritura ekonomike",
            "Për ata që së fundmi nuk ia dalin dot deri në fund të muajit.",
        ),
        "ro": (
            "Greutăți financiare neașteptate",
            "Pentru cei care de curând nu mai reușesc să ajungă la sfârșitul lunii.",
        ),
        "uk": (
            "Раптові фінансові труднощі",
            "Для тих, кому останнім часом не вистачає грошей до кінця місяця.",
        ),
        "zh-hans": ("突发经济困难", "为最近入不敷出的家庭提供帮助。"),
        "es": (
            "Dificultades económicas repentinas",
            "Para quien desde hace poco no llega a fin de mes.",
        ),
        "fr": (
            "Difficultés financières soudaines",
            "Pour ceux qui, depuis peu, n'arrivent plus à boucler les fins de mois.",
        ),
    },
    "progetti-accompagnamento": {
        "ar": ("مرافقة ودعم", "أخصائي يتابع الأسرة خطوة بخطوة."),
        "sq": ("Dikush në krah", "Një punonjës që e ndjek familjen hap pas hapi."),
        "ro": ("Cineva alături de tine", "Un asistent care urmărește familia pas cu pas."),
        "uk": ("Супровід", "Фахівець, який супроводжує сім'ю крок за кроком."),
        "zh-hans": ("陪伴支持", "由一名社工一步一步地跟进家庭。"),
        "es": ("Alguien a tu lado", "Un profesional que sigue a la familia paso a paso."),
        "fr": ("Être accompagné", "Un intervenant qui suit la famille pas à pas."),
    },
    "segretariato-sociale": {
        "ar": ("معلومات ومعاملات", "أين تسأل، وما المساعدات المتاحة، وكيف تقدم الطلب."),
        "sq": (
            "Informacione dhe praktika",
            "Ku të pyesësh, çfarë ndihmash ekzistojnë, si të aplikosh.",
        ),
        "ro": ("Informații și acte", "Unde să întrebi, ce ajutoare există, cum să depui cererea."),
        "uk": ("Інформація та документи", "Куди звернутися, яка допомога існує, як подати заяву."),
        "zh-hans": ("信息与手续", "去哪里咨询，有哪些帮助，如何申请。"),
        "es": ("Información y trámites", "Dónde preguntar, qué ayudas existen, cómo solicitarlas."),
        "fr": (
            "Informations et démarches",
            "Où se renseigner, quelles aides existent, comment faire une demande.",
        ),
    },
    "seminare-futuro": {
        "ar": (
            "الأطفال والمراهقون: المدرسة والنمو",
            "الحضانة، الدعم بعد المدرسة، الأنشطة التربوية ودعم الوالدين.",
        ),
        "sq": (
            "Fëmijë dhe të rinj: shkolla dhe rritja",
            "Çerdhe, passhkollë, aktivitete edukative dhe mbështetje për prindërit.",
        ),
        "ro": (
            "Copii și adolescenți: școală și creștere",
            "Creșă, after-school, activități educative și sprijin pentru părinți.",
        ),
        "uk": (
            "Діти й підлітки: школа та розвиток",
            "Ясла, продовжений день, освітні заняття та підтримка батьків.",
        ),
        "zh-hans": ("儿童与青少年：学习与成长", "托儿所、课后班、教育活动和家长支持。"),
        "es": (
            "Niños y adolescentes: escuela y crecimiento",
            "Guardería, actividades después de clase, actividades educativas y apoyo a los padres.",
        ),
        "fr": (
            "Enfants et adolescents : école et développement",
            "Crèche, accueil après l'école, activités éducatives et soutien aux parents.",
        ),
    },
    "educazione-0-3": {
        "ar": ("الحضانة والطفولة المبكرة", "أماكن وأنشطة للأطفال حتى سن 3 سنوات مع والديهم."),
        "sq": (
            "Çerdhe dhe fëmijëria e hershme",
            "Hapësira dhe aktivitete për fëmijë deri në 3 vjeç me prindërit e tyre.",
        ),
        "ro": (
            "Creșă și prima copilărie",
            "Spații și activități pentru copii până la 3 ani, împreună cu părinții lor.",
        ),
        "uk": (
            "Ясла та раннє дитинство",
            "Простори й заняття для дітей до 3 років разом із батьками.",
        ),
        "zh-hans": ("托儿所与早期教育", "为3岁以下儿童及其父母提供的场所和活动。"),
        "es": (
            "Guardería y primera infancia",
            "Espacios y actividades para niños de hasta 3 años con sus padres.",
        ),
        "fr": (
            "Crèche et petite enfance",
            "Lieux et activités pour les enfants jusqu'à 3 ans et leurs parents.",
        ),
    },
    "educazione-preadolescenti": {
        "ar": (
            "أنشطة للأعمار من 11 إلى 14 سنة",
            "مجموعات وورش عمل وأماكن لقاء لتلاميذ المرحلة الإعدادية.",
        ),
        "sq": (
            "Aktivitete për 11–14 vjeç",
            "Grupe, punëtori dhe vende takimi për nxënësit e shkollës së mesme të ulët.",
        ),
        "ro": (
            "Activități pentru 11–14 ani",
            "Grupuri, ateliere și locuri de întâlnire pentru elevii de gimnaziu.",
        ),
        "uk": (
            "Заняття для дітей 11–14 років",
            "Групи, майстер-класи та місця зустрічей для учнів середньої школи.",
        ),
        "zh-hans": ("11至14岁活动", "为初中生提供的小组、工作坊和聚会场所。"),
        "es": (
            "Actividades para 11 a 14 años",
            "Grupos, talleres y lugares de encuentro para alumnos de secundaria.",
        ),
        "fr": (
            "Activités pour les 11–14 ans",
            "Groupes, ateliers et lieux de rencontre pour les collégiens.",
        ),
    },
    "educazione-adolescenti": {
        "ar": ("أنشطة للمراهقين", "مجموعات وورش عمل وأماكن للفتيات والفتيان من سن 14 سنة."),
        "sq": (
            "Aktivitete për adoleshentë",
            "Grupe, punëtori dhe hapësira për vajza dhe djem nga 14 vjeç.",
        ),
        "ro": (
            "Activități pentru adolescenți",
            "Grupuri, ateliere și spații pentru fete și băieți de la 14 ani.",
        ),
        "uk": (
            "Заняття для підлітків",
            "Групи, майстер-класи та простори для дівчат і хлопців від 14 років.",
        ),
        "zh-hans": ("青少年活动", "为14岁以上青少年提供的小组、工作坊和活动空间。"),
        "es": (
            "Actividades para adolescentes",
            "Grupos, talleres y espacios para chicas y chicos desde los 14 años.",
        ),
        "fr": (
            "Activités pour adolescents",
            "Groupes, ateliers et espaces pour les jeunes dès 14 ans.",
        ),
    },
    "diritto-istruzione": {
        "ar": (
            "الدعم المدرسي والمساعدة في الواجبات",
            "مساعدة في الواجبات المنزلية، أنشطة بعد المدرسة ودعم دراسي.",
        ),
        "sq": (
            "Passhkollë dhe ndihmë për detyrat",
            "Ndihmë për detyrat e shtëpisë, passhkollë dhe mbështetje shkollore.",
        ),
        "ro": (
            "After-school și ajutor la teme",
            "Ajutor la teme, programe after-school și sprijin școlar.",
        ),
        "uk": (
            "Продовжений день і допомога з домашніми завданнями",
            "Допомога з домашніми завданнями, заняття після школи та шкільна підтримка.",
        ),
        "zh-hans": ("课后班与作业辅导", "作业辅导、课后班和学习支持。"),
        "es": (
            "Refuerzo escolar y ayuda con los deberes",
            "Ayuda con los deberes, actividades después de clase y apoyo escolar.",
        ),
        "fr": (
            "Aide aux devoirs et accueil après l'école",
            "Aide aux devoirs, accueil après l'école et soutien scolaire.",
        ),
    },
    "genitorialita": {
        "ar": ("الأبوة والأمومة", "لقاءات واستشارات ومجموعات للأمهات والآباء."),
        "sq": ("Të qenit prind", "Takime, këshillime dhe grupe për nënat dhe baballarët."),
        "ro": ("Rolul de părinte", "Întâlniri, consiliere și grupuri pentru mame și tați."),
        "uk": ("Батьківство", "Зустрічі, консультації та групи для мам і тат."),
        "zh-hans": ("为人父母", "为妈妈和爸爸提供的讲座、咨询和小组。"),
        "es": ("Ser padres", "Encuentros, asesoramiento y grupos para madres y padres."),
        "fr": ("Être parent", "Rencontres, conseils et groupes pour les mamans et les papas."),
    },
    "partecipazione-giovanile": {
        "ar": ("مشاركة الشباب", "مشاريع ومجموعات يقرر فيها الشباب ويعملون."),
        "sq": (
            "Të rinjtë dhe pjesëmarrja",
            "Projekte dhe grupe ku të rinjtë vendosin dhe veprojnë.",
        ),
        "ro": ("Tineri și participare", "Proiecte și grupuri în care tinerii decid și acționează."),
        "uk": ("Молодь і участь", "Проєкти та групи, де молодь сама вирішує й діє."),
        "zh-hans": ("青年参与", "由年轻人自己决定和行动的项目和小组。"),
        "es": (
            "Jóvenes y participación",
            "Proyectos y grupos en los que los jóvenes deciden y actúan.",
        ),
        "fr": ("Jeunes et participation", "Projets et groupes où les jeunes décident et agissent."),
    },
    "inclusione-lavorativa": {
        "ar": ("العمل", "البحث عن عمل، الاستعداد له، التدريب المهني والتوظيف."),
        "sq": ("Punë", "Kërkimi i punës, përgatitja, praktika dhe punësimi."),
        "ro": ("Muncă", "Căutarea unui loc de muncă, pregătire, stagii și angajare."),
        "uk": ("Робота", "Пошук роботи, підготовка, стажування та працевлаштування."),
        "zh-hans": ("工作", "找工作、求职准备、实习和就业安置。"),
        "es": ("Trabajo", "Buscar trabajo, prepararse, prácticas e inserción laboral."),
        "fr": ("Emploi", "Chercher un emploi, se préparer, stages et insertion."),
    },
    "occupabilita": {
        "ar": ("إيجاد عمل", "السيرة الذاتية والمقابلات وعروض العمل."),
        "sq": ("Gjetja e një pune", "CV, intervista dhe oferta pune."),
        "ro": ("Găsirea unui loc de muncă", "CV-uri, interviuri și oferte de muncă."),
        "uk": ("Пошук роботи", "Резюме, співбесіди та вакансії."),
        "zh-hans": ("找工作", "简历、面试和招聘信息。"),
        "es": ("Encontrar trabajo", "Currículum, entrevistas y ofertas de empleo."),
        "fr": ("Trouver un emploi", "CV, entretiens et offres d'emploi."),
    },
    "educazione-lavoro": {
        "ar": ("الاستعداد للعمل", "دورات وورش عمل لتعلم مهنة."),
        "sq": ("Përgatitja për punë", "Kurse dhe punëtori për të mësuar një zanat."),
        "ro": ("Pregătirea pentru muncă", "Cursuri și ateliere pentru a învăța o meserie."),
        "uk": ("Підготовка до роботи", "Курси та майстер-класи, щоб опанувати професію."),
        "zh-hans": ("就业准备", "学习一门手艺的课程和工作坊。"),
        "es": ("Prepararse para trabajar", "Cursos y talleres para aprender un oficio."),
        "fr": ("Se préparer au travail", "Cours et ateliers pour apprendre un métier."),
    },
    "inserimenti-lavorativi": {
        "ar": ("التدريب المهني والتوظيف", "تدريب مهني وأول فرص عمل مع المرافقة."),
        "sq": ("Praktika dhe punësim", "Praktika dhe punët e para me mbështetje."),
        "ro": ("Stagii și angajare", "Stagii și primele locuri de muncă, cu sprijin."),
        "uk": ("Стажування та працевлаштування", "Стажування та перша робота із супроводом."),
        "zh-hans": ("实习与就业安置", "有人陪伴的实习和第一份工作。"),
        "es": ("Prácticas e inserción laboral", "Prácticas y primeros empleos con acompañamiento."),
        "fr": ("Stages et insertion", "Stages et premiers emplois accompagnés."),
    },
    "infrastruttura-sociale": {
        "ar": ("الجيران والمجتمع", "مساعدة قرب المنزل، شبكات الجيران وجمعيات تعمل معا."),
        "sq": (
            "Fqinjë dhe komunitet",
            "Ndihmë pranë shtëpisë, rrjete fqinjësie dhe shoqata që bashkëpunojnë.",
        ),
        "ro": (
            "Vecini și comunitate",
            "Ajutor aproape de casă, rețele de vecinătate și asociații care colaborează.",
        ),
        "uk": (
            "Сусіди та громада",
            "Допомога поруч із домом, сусідські мережі та організації, що працюють разом.",
        ),
        "zh-hans": ("邻里与社区", "家附近的帮助、邻里网络和相互合作的组织。"),
        "es": (
            "Vecinos y comunidad",
            "Ayuda cerca de casa, redes vecinales y asociaciones que colaboran.",
        ),
        "fr": (
            "Voisins et communauté",
            "Aide près de chez soi, réseaux de voisinage et associations qui travaillent ensemble.",
        ),
    },
    "welfare-prossimita": {
        "ar": ("مساعدة قرب المنزل", "مساعدات يومية صغيرة في الحي."),
        "sq": ("Ndihmë pranë shtëpisë", "Ndihma të vogla të përditshme në lagje."),
        "ro": ("Ajutor aproape de casă", "Mici ajutoare de zi cu zi în cartier."),
        "uk": ("Допомога поруч із домом", "Невелика щоденна допомога у вашому районі."),
        "zh-hans": ("家门口的帮助", "社区里的日常小帮助。"),
        "es": ("Ayuda cerca de casa", "Pequeñas ayudas cotidianas en el barrio."),
        "fr": ("Aide près de chez soi", "Petits coups de main au quotidien dans le quartier."),
    },
    "reti-attori-sociali": {
        "ar": ("جمعيات في شبكة", "جمعيات المنطقة التي تعمل معا."),
        "sq": ("Shoqata në rrjet", "Shoqatat e zonës që punojnë së bashku."),
        "ro": ("Asociații în rețea", "Asociațiile din zonă care lucrează împreună."),
        "uk": ("Організації в мережі", "Місцеві організації, що працюють разом."),
        "zh-hans": ("组织网络", "本地区携手合作的各类组织。"),
        "es": ("Asociaciones en red", "Las asociaciones de la zona que trabajan juntas."),
        "fr": (
            "Associations en réseau",
            "Les associations du territoire qui travaillent ensemble.",
        ),
    },
    "generativita-sociale": {
        "ar": ("مد يد العون", "فرص للمساعدة وفعل شيء من أجل الآخرين."),
        "sq": ("Jep një dorë", "Mundësi për të ndihmuar dhe për të bërë diçka për të tjerët."),
        "ro": ("O mână de ajutor", "Ocazii de a ajuta și de a face ceva pentru alții."),
        "uk": ("Допомогти іншим", "Можливості допомагати й робити щось для інших."),
        "zh-hans": ("伸出援手", "帮助他人、为他人做点事的机会。"),
        "es": ("Echar una mano", "Oportunidades para ayudar y hacer algo por los demás."),
        "fr": (
            "Donner un coup de main",
            "Des occasions d'aider et de faire quelque chose pour les autres.",
        ),
    },
    "socialita": {
        "ar": ("وقت الفراغ", "رياضة وموسيقى وورش عمل ومخيمات صيفية ورفقة."),
        "sq": ("Koha e lirë", "Sport, muzikë, punëtori, kampe verore dhe shoqëri."),
        "ro": ("Timp liber", "Sport, muzică, ateliere, tabere de vară și companie."),
        "uk": ("Дозвілля", "Спорт, музика, майстер-класи, літні табори та спілкування."),
        "zh-hans": ("休闲时光", "体育、音乐、工作坊、夏令营和陪伴。"),
        "es": ("Tiempo libre", "Deporte, música, talleres, campamentos de verano y compañía."),
        "fr": ("Temps libre", "Sport, musique, ateliers, centres de vacances et compagnie."),
    },
    "sport": {
        "ar": ("الرياضة", "فرق ودورات ورياضة للجميع."),
        "sq": ("Sport", "Ekipe, kurse dhe sport për të gjithë."),
        "ro": ("Sport", "Echipe, cursuri și sport pentru toți."),
        "uk": ("Спорт", "Команди, секції та спорт для всіх."),
        "zh-hans": ("体育运动", "面向所有人的运动队、课程和体育活动。"),
        "es": ("Deporte", "Equipos, cursos y deporte para todos."),
        "fr": ("Sport", "Équipes, cours et sport pour tous."),
    },
    "musica-arte-teatro": {
        "ar": ("الموسيقى والفن والمسرح", "دورات وورش عمل في الموسيقى والفن والمسرح."),
        "sq": ("Muzikë, art dhe teatër", "Kurse dhe punëtori muzike, arti dhe teatri."),
        "ro": ("Muzică, artă și teatru", "Cursuri și ateliere de muzică, artă și teatru."),
        "uk": ("Музика, мистецтво й театр", "Курси та майстер-класи з музики, мистецтва й театру."),
        "zh-hans": ("音乐、艺术与戏剧", "音乐、艺术和戏剧课程与工作坊。"),
        "es": ("Música, arte y teatro", "Cursos y talleres de música, arte y teatro."),
        "fr": ("Musique, art et théâtre", "Cours et ateliers de musique, d'art et de théâtre."),
    },
    "laboratori": {
        "ar": ("ورش إبداعية", "نصنع معا: أعمال يدوية، طبخ، ألعاب."),
        "sq": ("Punëtori krijuese", "Të bëjmë bashkë: punë dore, gatim, lojëra."),
        "ro": ("Ateliere creative", "Facem împreună: lucru manual, gătit, jocuri."),
        "uk": ("Творчі майстерні", "Робимо разом: рукоділля, кулінарія, ігри."),
        "zh-hans": ("创意工作坊", "一起动手：手工、烹饪、游戏。"),
        "es": ("Talleres creativos", "Hacer juntos: manualidades, cocina, juegos."),
        "fr": ("Ateliers créatifs", "Faire ensemble : travaux manuels, cuisine, jeux."),
    },
    "centri-estivi": {
        "ar": ("المخيمات الصيفية", "ألعاب ورحلات وورش عمل خلال العطلة."),
        "sq": ("Kampe verore", "Lojëra, ekskursione dhe punëtori gjatë pushimeve."),
        "ro": ("Tabere de vară", "Jocuri, excursii și ateliere în timpul vacanței."),
        "uk": ("Літні табори", "Ігри, екскурсії та майстер-класи під час канікул."),
        "zh-hans": ("夏令营", "假期里的游戏、郊游和工作坊。"),
        "es": ("Campamentos de verano", "Juegos, excursiones y talleres durante las vacaciones."),
        "fr": ("Centres de vacances", "Jeux, sorties et ateliers pendant les vacances."),
    },
    "socialita-anziani": {
        "ar": ("رفقة لكبار السن", "لقاءات ورحلات وأنشطة حتى لا يبقى أحد وحيدا."),
        "sq": (
            "Shoqëri për të moshuarit",
            "Takime, ekskursione dhe aktivitete për të mos mbetur vetëm.",
        ),
        "ro": (
            "Companie pentru vârstnici",
            "Întâlniri, excursii și activități ca să nu rămâi singur.",
        ),
        "uk": (
            "Спілкування для літніх людей",
            "Зустрічі, екскурсії та заняття, щоб не залишатися на самоті.",
        ),
        "zh-hans": ("老年人陪伴", "聚会、出游和活动，让老人不再孤单。"),
        "es": (
            "Compañía para mayores",
            "Encuentros, excursiones y actividades para no estar solos.",
        ),
        "fr": (
            "Compagnie pour les aînés",
            "Rencontres, sorties et activités pour ne pas rester seul.",
        ),
    },
    "volontariato-giovani": {
        "ar": ("التطوع للشباب", "العمل التطوعي في سن الشباب."),
        "sq": ("Vullnetarizëm për të rinjtë", "Të bësh vullnetarizëm si i ri."),
        "ro": ("Voluntariat pentru tineri", "Voluntariat la vârsta tinereții."),
        "uk": ("Волонтерство для молоді", "Волонтерство в молодому віці."),
        "zh-hans": ("青年志愿服务", "年轻人参与志愿服务。"),
        "es": ("Voluntariado para jóvenes", "Hacer voluntariado siendo joven."),
        "fr": ("Bénévolat pour les jeunes", "Faire du bénévolat quand on est jeune."),
    },
    "accesso-servizi": {
        "ar": ("المعاملات والخدمات", "مساعدة في الطلبات والإعانات وخدمات البلدية."),
        "sq": ("Praktika dhe shërbime", "Ndihmë për kërkesat, bonuset dhe shërbimet e Bashkisë."),
        "ro": ("Acte și servicii", "Ajutor pentru cereri, alocații și serviciile Primăriei."),
        "uk": (
            "Документи та послуги",
            "Допомога із заявами, пільгами та послугами муніципалітету.",
        ),
        "zh-hans": ("手续与服务", "帮助办理申请、补贴和市政服务。"),
        "es": (
            "Trámites y servicios",
            "Ayuda con solicitudes, ayudas y servicios del Ayuntamiento.",
        ),
        "fr": (
            "Démarches et services",
            "Aide pour les demandes, les aides et les services de la mairie.",
        ),
    },
    "digital-divide": {
        "ar": (
            "الحاسوب والهوية الرقمية SPID والمعاملات عبر الإنترنت",
            "مساعدة في SPID والبريد الإلكتروني والطلبات عبر الإنترنت.",
        ),
        "sq": (
            "Kompjuter, SPID dhe praktika online",
            "Ndihmë me SPID, postën elektronike dhe kërkesat online.",
        ),
        "ro": ("Calculator, SPID și acte online", "Ajutor cu SPID, e-mailul și cererile online."),
        "uk": (
            "Комп'ютер, SPID та онлайн-заяви",
            "Допомога зі SPID, електронною поштою та онлайн-заявами.",
        ),
        "zh-hans": ("电脑、SPID与网上办事", "帮助使用SPID、电子邮件和网上申请。"),
        "es": (
            "Ordenador, SPID y trámites en línea",
            "Ayuda con SPID, correo electrónico y solicitudes en línea.",
        ),
        "fr": (
            "Ordinateur, SPID et démarches en ligne",
            "Aide avec SPID, l'e-mail et les demandes en ligne.",
        ),
    },
    "cittadini-stranieri": {
        "ar": (
            "اللغة الإيطالية والوثائق",
            "دروس اللغة الإيطالية، تصريح الإقامة، تسجيل السكن والوثائق.",
        ),
        "sq": (
            "Italisht dhe dokumente",
            "Kurse italishteje, leje qëndrimi, vendbanim dhe dokumente.",
        ),
        "ro": (
            "Limba italiană și acte",
            "Cursuri de italiană, permis de ședere, rezidență și acte.",
        ),
        "uk": (
            "Італійська мова та документи",
            "Курси італійської, посвідка на проживання, реєстрація місця проживання та документи.",
        ),
        "zh-hans": ("意大利语与证件", "意大利语课程、居留许可、户籍登记和各类证件。"),
        "es": (
            "Italiano y documentos",
            "Clases de italiano, permiso de residencia, empadronamiento y documentos.",
        ),
        "fr": ("Italien et papiers", "Cours d'italien, titre de séjour, résidence et papiers."),
    },
    "orientamento-lavoro": {
        "ar": ("التوجيه المهني", "فهم ما تبحث عنه وكيف تقدم نفسك."),
        "sq": ("Orientim për punë", "Të kuptosh çfarë të kërkosh dhe si të paraqitesh."),
        "ro": ("Orientare profesională", "Să înțelegi ce să cauți și cum să te prezinți."),
        "uk": ("Профорієнтація", "Зрозуміти, що шукати і як себе представити."),
        "zh-hans": ("就业指导", "弄清楚要找什么工作以及如何求职。"),
        "es": ("Orientación laboral", "Entender qué buscar y cómo presentarse."),
        "fr": ("Orientation professionnelle", "Comprendre quoi chercher et comment se présenter."),
    },
    "servizi-giovani": {
        "ar": ("خدمات للشباب", "معلومات للشباب، الدراسة، العمل ووقت الفراغ."),
        "sq": (
            "Shërbime për të rinjtë",
            "Informacion për të rinjtë, studim, punë dhe kohë e lirë.",
        ),
        "ro": ("Servicii pentru tineri", "Informații pentru tineri, studii, muncă și timp liber."),
        "uk": ("Послуги для молоді", "Інформація для молоді, навчання, робота та дозвілля."),
        "zh-hans": ("青年服务", "青年信息、学习、工作和休闲。"),
        "es": ("Servicios para jóvenes", "Información juvenil, estudios, trabajo y tiempo libre."),
        "fr": ("Services pour les jeunes", "Information jeunesse, études, emploi et temps libre."),
    },
    "conciliazione": {
        "ar": ("التوفيق بين البيت والعمل", "مساعدة لمن يعمل ويعتني بأطفال أو أقارب."),
        "sq": (
            "Shtëpia dhe puna bashkë",
            "Ndihmë për ata që punojnë dhe kujdesen për fëmijë ose të afërm.",
        ),
        "ro": (
            "Casă și serviciu împreună",
            "Ajutor pentru cei care lucrează și au grijă de copii sau de rude.",
        ),
        "uk": (
            "Поєднання дому й роботи",
            "Допомога тим, хто працює і доглядає за дітьми чи родичами.",
        ),
        "zh-hans": ("兼顾家庭与工作", "为既要工作又要照顾孩子或家人的人提供帮助。"),
        "es": (
            "Conciliar casa y trabajo",
            "Ayuda para quien trabaja y cuida de hijos o familiares.",
        ),
        "fr": (
            "Concilier famille et travail",
            "Aide pour ceux qui travaillent et s'occupent d'enfants ou de proches.",
        ),
    },
    "supporto-psicologico": {
        "ar": ("أخصائي نفسي", "الإصغاء والدعم النفسي."),
        "sq": ("Psikolog", "Dëgjim dhe mbështetje psikologjike."),
        "ro": ("Psiholog", "Ascultare și sprijin psihologic."),
        "uk": ("Психолог", "Вислуховування та психологічна підтримка."),
        "zh-hans": ("心理咨询", "倾听与心理支持。"),
        "es": ("Psicólogo", "Escucha y apoyo psicológico."),
        "fr": ("Psychologue", "Écoute et soutien psychologique."),
    },
    "indebitamento-consapevole": {
        "ar": ("الديون وميزانية الأسرة", "مساعدة في إدارة الديون والأقساط ومصاريف المنزل."),
        "sq": (
            "Borxhe dhe buxheti familjar",
            "Ndihmë për të menaxhuar borxhet, këstet dhe shpenzimet e shtëpisë.",
        ),
        "ro": (
            "Datorii și bugetul familiei",
            "Ajutor pentru gestionarea datoriilor, a ratelor și a cheltuielilor casei.",
        ),
        "uk": (
            "Борги та сімейний бюджет",
            "Допомога з боргами, розстрочками та домашніми витратами.",
        ),
        "zh-hans": ("债务与家庭预算", "帮助管理债务、分期付款和家庭开支。"),
        "es": (
            "Deudas y presupuesto familiar",
            "Ayuda para gestionar deudas, plazos y gastos de casa.",
        ),
        "fr": (
            "Dettes et budget familial",
            "Aide pour gérer les dettes, les mensualités et les dépenses du foyer.",
        ),
    },
    "job-community": {
        "ar": ("البحث عن عمل معا", "مجموعات للبحث عن عمل مع آخرين."),
        "sq": ("Kërkojmë punë së bashku", "Grupe për të kërkuar punë së bashku me të tjerët."),
        "ro": ("Căutăm de lucru împreună", "Grupuri pentru a căuta de lucru împreună cu alții."),
        "uk": ("Шукаємо роботу разом", "Групи для спільного пошуку роботи з іншими."),
        "zh-hans": ("一起找工作", "和其他人一起找工作的小组。"),
        "es": ("Buscar trabajo juntos", "Grupos para buscar trabajo junto con otras personas."),
        "fr": ("Chercher un emploi ensemble", "Des groupes pour chercher un emploi avec d'autres."),
    },
    "smart-house": {
        "ar": ("السكن", "مساعدة في إيجاد مسكن والحفاظ عليه."),
        "sq": ("Banesa", "Ndihmë për të gjetur dhe mbajtur një shtëpi."),
        "ro": ("Locuință", "Ajutor pentru a găsi și a păstra o locuință."),
        "uk": ("Житло", "Допомога, щоб знайти й зберегти житло."),
        "zh-hans": ("住房", "帮助找到并保住住房。"),
        "es": ("Vivienda", "Ayuda para encontrar y conservar una vivienda."),
        "fr": ("Logement", "Aide pour trouver et garder un logement."),
    },
    "formazione": {
        "ar": ("دورات وتدريب", "دورات للتعلم ومواكبة الجديد."),
        "sq": ("Kurse dhe trajnime", "Kurse për të mësuar dhe për t'u përditësuar."),
        "ro": ("Cursuri și formare", "Cursuri pentru a învăța și a te perfecționa."),
        "uk": ("Курси та навчання", "Курси, щоб навчитися нового й підвищити кваліфікацію."),
        "zh-hans": ("课程与培训", "学习新知识、提升技能的课程。"),
        "es": ("Cursos y formación", "Cursos para aprender y ponerse al día."),
        "fr": ("Cours et formation", "Des cours pour apprendre et se perfectionner."),
    },
}

# The one seeded category without a label for families shows its name: slug: names in
# (ar, sq, ro, uk, zh-hans, es, fr).
ORDER = ("ar", "sq", "ro", "uk", "zh-hans", "es", "fr")
CATEGORY_NAMES = {
    "comunicazione-fundraising": (
        "التواصل وجمع التبرعات",
        "Komunikim dhe mbledhje fondesh",
        "Comunicare și strângere de fonduri",
        "Комунікація та збір коштів",
        "传播与筹款",
        "Comunicación y recaudación de fondos",
        "Communication et collecte de fonds",
    ),
}

TARGET_GROUP_NAMES = {
    "famiglie-con-figli": (
        "أسر لديها أطفال",
        "Familje me fëmijë",
        "Familii cu copii",
        "Сім'ї з дітьми",
        "有孩子的家庭",
        "Familias con hijos",
        "Familles avec enfants",
    ),
    "bambini": ("الأطفال", "Fëmijë", "Copii", "Діти", "儿童", "Niños", "Enfants"),
    "ragazzi": (
        "المراهقون",
        "Adoleshentë",
        "Adolescenți",
        "Підлітки",
        "青少年",
        "Adolescentes",
        "Adolescents",
    ),
    "giovani": ("الشباب", "Të rinj", "Tineri", "Молодь", "青年", "Jóvenes", "Jeunes"),
    "genitori": (
        "الآباء والأمهات",
        "Prindër",
        "Părinți",
        "Батьки",
        "父母",
        "Madres y padres",
        "Parents",
    ),
    "adulti": ("البالغون", "Të rritur", "Adulți", "Дорослі", "成年人", "Adultos", "Adultes"),
    "anziani": (
        "كبار السن",
        "Të moshuar",
        "Vârstnici",
        "Літні люди",
        "老年人",
        "Personas mayores",
        "Personnes âgées",
    ),
    "persone-con-disabilita": (
        "الأشخاص ذوو الإعاقة",
        "Persona me aftësi të kufizuara",
        "Persoane cu dizabilități",
        "Люди з інвалідністю",
        "残障人士",
        "Personas con discapacidad",
        "Personnes en situation de handicap",
    ),
    "cittadini-stranieri": (
        "المواطنون الأجانب",
        "Shtetas të huaj",
        "Cetățeni străini",
        "Іноземні громадяни",
        "外国公民",
        "Ciudadanos extranjeros",
        "Citoyens étrangers",
    ),
    "persone-in-poverta": (
        "أشخاص يعيشون في فقر",
        "Persona në varfëri",
        "Persoane în sărăcie",
        "Люди, що живуть у бідності",
        "贫困人群",
        "Personas en situación de pobreza",
        "Personnes en situation de pauvreté",
    ),
    "disoccupati": (
        "الباحثون عن عمل",
        "Persona që kërkojnë punë",
        "Persoane care își caută un loc de muncă",
        "Люди, які шукають роботу",
        "求职者",
        "Personas que buscan empleo",
        "Demandeurs d'emploi",
    ),
    "donne": ("النساء", "Gra", "Femei", "Жінки", "女性", "Mujeres", "Femmes"),
}

LANGUAGE_NAMES = {
    "it": ("الإيطالية", "Italisht", "Italiană", "Італійська", "意大利语", "Italiano", "Italien"),
    "en": ("الإنجليزية", "Anglisht", "Engleză", "Англійська", "英语", "Inglés", "Anglais"),
    "fr": ("الفرنسية", "Frëngjisht", "Franceză", "Французька", "法语", "Francés", "Français"),
    "es": ("الإسبانية", "Spanjisht", "Spaniolă", "Іспанська", "西班牙语", "Español", "Espagnol"),
    "ar": ("العربية", "Arabisht", "Arabă", "Арабська", "阿拉伯语", "Árabe", "Arabe"),
    "ro": ("الرومانية", "Rumanisht", "Română", "Румунська", "罗马尼亚语", "Rumano", "Roumain"),
    "sq": ("الألبانية", "Shqip", "Albaneză", "Албанська", "阿尔巴尼亚语", "Albanés", "Albanais"),
    "uk": (
        "الأوكرانية",
        "Ukrainisht",
        "Ucraineană",
        "Українська",
        "乌克兰语",
        "Ucraniano",
        "Ukrainien",
    ),
    "ru": ("الروسية", "Rusisht", "Rusă", "Російська", "俄语", "Ruso", "Russe"),
    "zh": ("الصينية", "Kinezisht", "Chineză", "Китайська", "中文", "Chino", "Chinois"),
    "bn": ("البنغالية", "Bengalisht", "Bengaleză", "Бенгальська", "孟加拉语", "Bengalí", "Bengali"),
    "ur": ("الأردية", "Urdu", "Urdu", "Урду", "乌尔都语", "Urdu", "Ourdou"),
    "pt": (
        "البرتغالية",
        "Portugalisht",
        "Portugheză",
        "Португальська",
        "葡萄牙语",
        "Portugués",
        "Portugais",
    ),
    "tl": (
        "الفلبينية",
        "Filipinisht",
        "Filipineză",
        "Філіппінська",
        "菲律宾语",
        "Filipino",
        "Filipino",
    ),
    "wo": ("الولوفية", "Volof", "Wolof", "Волоф", "沃洛夫语", "Wólof", "Wolof"),
    "ise": (
        "لغة الإشارة الإيطالية (LIS)",
        "Gjuha italiane e shenjave (LIS)",
        "Limbajul semnelor italian (LIS)",
        "Італійська жестова мова (LIS)",
        "意大利手语（LIS）",
        "Lengua de signos italiana (LIS)",
        "Langue des signes italienne (LIS)",
    ),
}


def _names(names):
    return {code: {"name": name} for code, name in zip(ORDER, names, strict=True)}


def seed(apps, schema_editor):
    """The shipped translations, on the rows still as shipped: a label a coordinator already
    changed in Italian keeps no translation of the old one."""
    Category = apps.get_model("directory", "Category")
    TargetGroup = apps.get_model("directory", "TargetGroup")
    Language = apps.get_model("directory", "Language")
    shipped = import_module("directory.migrations.0021_upcoming_and_family_labels").FAMILY_LABELS
    for slug, labels in CATEGORY_LABELS.items():
        Category.objects.filter(slug=slug, family_name=shipped[slug][0], translations={}).update(
            translations={
                code: {"family_name": name, "family_description": description}
                for code, (name, description) in labels.items()
            }
        )
    for slug, names in CATEGORY_NAMES.items():
        Category.objects.filter(slug=slug, translations={}).update(translations=_names(names))
    for slug, names in TARGET_GROUP_NAMES.items():
        TargetGroup.objects.filter(slug=slug, translations={}).update(translations=_names(names))
    for code, names in LANGUAGE_NAMES.items():
        Language.objects.filter(code=code, translations={}).update(translations=_names(names))


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0044_translation_search_vectors"),
    ]

    operations = [
        migrations.AddField(
            model_name="category",
            name="translations",
            field=models.JSONField(
                blank=True,
                default=dict,
                help_text="Per language code, the texts in that language; empty: English, else Italian.",
                verbose_name="names in the other languages",
            ),
        ),
        migrations.AddField(
            model_name="language",
            name="translations",
            field=models.JSONField(
                blank=True,
                default=dict,
                help_text="Per language code, the texts in that language; empty: English, else Italian.",
                verbose_name="names in the other languages",
            ),
        ),
        migrations.AddField(
            model_name="targetgroup",
            name="translations",
            field=models.JSONField(
                blank=True,
                default=dict,
                help_text="Per language code, the texts in that language; empty: English, else Italian.",
                verbose_name="names in the other languages",
            ),
        ),
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
