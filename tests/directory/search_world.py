"""A small directory to search: five public activities in four municipalities, and two hidden."""

import datetime
from types import SimpleNamespace

from directory import models as directory
from directory.search import rebuild_search_index
from tests.factories import (
    ActivityFactory,
    LocationFactory,
    MunicipalityFactory,
    OpeningSlotFactory,
    OrganizationFactory,
    ZoneFactory,
    category,
)

BUCCINASCO = (45.4177, 9.1113)
CORSICO = (45.4310, 9.1110)
MILANO = (45.4642, 9.1900)
EMPOLI = (43.7187, 10.9462)


def language(code):
    return directory.Language.objects.get(code=code)


def slot(activity, weekday, opens, closes, **kwargs):
    return OpeningSlotFactory(
        activity=activity,
        weekday=weekday,
        opens_at=datetime.time(*opens),
        closes_at=datetime.time(*closes),
        **kwargs,
    )


def build_world():
    buccinasco = MunicipalityFactory()
    corsico = MunicipalityFactory(
        istat_code="015093", name="Corsico", latitude=CORSICO[0], longitude=CORSICO[1]
    )
    milano = MunicipalityFactory(
        istat_code="015146", name="Milano", latitude=MILANO[0], longitude=MILANO[1]
    )
    empoli = MunicipalityFactory(
        istat_code="048014",
        name="Empoli",
        province="Firenze",
        province_code="FI",
        region="Toscana",
        latitude=EMPOLI[0],
        longitude=EMPOLI[1],
    )
    zone = ZoneFactory(name="Ambito Visconteo", slug="ambito-visconteo")
    zone.municipalities.set([buccinasco, corsico])

    polisportiva = OrganizationFactory(name="Polisportiva Buccinasco", slug="polisportiva")
    arcobaleno = OrganizationFactory(name="Cooperativa Arcobaleno", slug="arcobaleno")
    teatro = OrganizationFactory(name="Compagnia Teatrale Empolese", slug="teatro-empolese")

    def place(organization, municipality, point, **kwargs):
        return LocationFactory(
            organization=organization,
            municipality=municipality,
            latitude=point[0] if point else None,
            longitude=point[1] if point else None,
            **kwargs,
        )

    campo = place(polisportiva, buccinasco, BUCCINASCO, name="Campo", wheelchair_accessible=True)
    sede_corsico = place(arcobaleno, corsico, CORSICO, name="Sede Corsico")
    sede_milano = place(arcobaleno, milano, MILANO, name="Sede Milano")
    online = LocationFactory(
        organization=arcobaleno,
        name="Online",
        kind=directory.Location.Kind.VIRTUAL,
        address="",
        postal_code="",
        municipality=None,
        latitude=None,
        longitude=None,
        url="https://meet.example.org/arcobaleno",
    )
    teatro_sede = place(teatro, empoli, EMPOLI, name="Teatro")

    calcio = ActivityFactory(
        organization=polisportiva,
        title="Corso di calcio per bambini",
        slug="calcio",
        description="Allenamenti di calcio il sabato mattina al campo comunale.",
        min_age=6,
        max_age=11,
        categories=[category("sport")],
    )
    calcio.locations.set([campo])
    calcio.languages.set([language("it")])
    slot(calcio, directory.Weekday.SATURDAY, (9, 0), (12, 0))

    doposcuola = ActivityFactory(
        organization=arcobaleno,
        title="Doposcuola",
        slug="doposcuola",
        description="Aiuto nei compiti e attività di gioco dopo la scuola.",
        min_age=6,
        max_age=14,
        is_free=False,
        fee_description="20 euro al mese",
        categories=[category("diritto-istruzione")],
    )
    doposcuola.locations.set([sede_corsico])
    doposcuola.languages.set([language("it"), language("ar")])
    for weekday in range(1, 6):
        slot(doposcuola, weekday, (14, 30), (17, 30))

    lavoro = ActivityFactory(
        organization=arcobaleno,
        title="Sportello orientamento al lavoro",
        slug="lavoro",
        description="Colloqui per scrivere il curriculum e cercare offerte di lavoro.",
        min_age=18,
        max_age=None,
        categories=[category("orientamento-lavoro")],
    )
    lavoro.locations.set([sede_milano, online])
    lavoro.languages.set([language("it"), language("en"), language("ar")])
    slot(lavoro, directory.Weekday.TUESDAY, (10, 0), (12, 0))

    teatro_lab = ActivityFactory(
        organization=teatro,
        title="Laboratorio teatrale per ragazzi",
        slug="teatro",
        description="Corsi di teatro e improvvisazione.",
        min_age=11,
        max_age=14,
        is_free=False,
        fee_description="50 euro a trimestre",
        categories=[category("musica-arte-teatro")],
    )
    teatro_lab.locations.set([teatro_sede])
    slot(teatro_lab, directory.Weekday.SATURDAY, (15, 0), (18, 0))

    pacchi = ActivityFactory(
        organization=polisportiva,
        title="Distribuzione pacchi alimentari",
        slug="pacchi",
        description="Pacchi di generi alimentari per le famiglie in difficoltà.",
        min_age=None,
        max_age=None,
        status=directory.Activity.Status.TEMPORARILY_CLOSED,
        alert="Chiuso per lavori fino a gennaio.",
        categories=[category("sostegno-alimentare")],
    )
    pacchi.locations.set([campo])
    slot(pacchi, directory.Weekday.WEDNESDAY, (9, 0), (12, 0))

    draft = ActivityFactory(
        organization=polisportiva,
        title="Calcio per adulti (bozza)",
        slug="bozza",
        publication_status=directory.PublicationStatus.DRAFT,
        categories=[category("sport")],
    )
    draft.locations.set([campo])
    ended = ActivityFactory(
        organization=polisportiva,
        title="Torneo di calcio concluso",
        slug="concluso",
        status=directory.Activity.Status.ENDED,
        categories=[category("sport")],
    )
    ended.locations.set([campo])

    rebuild_search_index()
    return SimpleNamespace(
        buccinasco=buccinasco,
        corsico=corsico,
        milano=milano,
        empoli=empoli,
        zone=zone,
        calcio=calcio,
        doposcuola=doposcuola,
        lavoro=lavoro,
        teatro=teatro_lab,
        pacchi=pacchi,
        polisportiva=polisportiva,
    )


def buccinasco_desk(world):
    """The desk of Buccinasco, with its phone: the way out of a search there that finds little."""
    from tests.factories import DeskFactory

    return DeskFactory(
        name="Sportello Buccinasco",
        slug="sportello-buccinasco",
        phone="02 4579 7200",
        location=LocationFactory(municipality=world.buccinasco),
    )


def slugs(response):
    """The activities a results page shows, in order."""
    import re

    return re.findall(r'data-activity="([^"]+)"', response.content.decode())


def total(response):
    import re

    return int(re.search(r'data-total="(\d+)"', response.content.decode()).group(1))
