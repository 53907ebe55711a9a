"""The demo's illustrations: flat scenes drawn in code, one per subject, without any text.

Each scene is a function of a canvas and a random generator seeded with the scene's key, so a
scene comes out byte for byte the same on every run (``render``). Their titles and alternative
texts are in ``data/illustrations.json``.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from cms.demo.drawing import (
    ACCENT,
    ACCENT_LIGHT,
    CLOTHES,
    GRASS,
    GREEN,
    HEIGHT,
    INK,
    MUTED,
    NIGHT,
    NOTICE,
    NOTICE_EDGE,
    PAPER,
    ROAD,
    SAND,
    SEA,
    SKIN,
    SKY,
    TRACK,
    WARM,
    WIDTH,
    Canvas,
    bubble,
    building,
    person,
    seated,
    tree,
)

Scene = Callable[[Canvas, random.Random], None]


def street_lights(c: Canvas, rng: random.Random) -> None:
    """An evening street: houses with lit windows, a pavement and new street lights."""
    c.bands(NIGHT, (70, 96, 140), 0, 470)
    for _ in range(40):
        c.circle(rng.uniform(0, WIDTH), rng.uniform(10, 260), rng.uniform(1, 2.5), NOTICE)
    x = -20.0
    while x < WIDTH:
        w, h = rng.uniform(140, 230), rng.uniform(150, 300)
        lit = [rng.random() < 0.45 for _ in range(12)]
        building(c, (x, 470 - h, x + w, 470), (44, 60, 92), (58, 76, 110), lit)
        x += w + rng.uniform(10, 40)
    c.rect((0, 470, WIDTH, 520), TRACK)
    c.rect((0, 520, WIDTH, HEIGHT), ROAD)
    for x in range(40, WIDTH, 160):
        c.rect((x, 590, x + 80, 600), PAPER)
    for x in (150, 450, 750, 1050):
        c.polygon([(x + 40, 262), (x - 50, 520), (x + 130, 520)], (255, 236, 170, 70))
        c.rect((x - 5, 250, x + 5, 505), INK)
        c.rect((x - 5, 245, x + 50, 256), INK, 4)
        c.ellipse((x + 22, 252, x + 60, 270), NOTICE)
        c.rect((x - 14, 500, x + 14, 510), INK, 3)
    person(c, 320, 515, 120, CLOTHES[0])
    person(c, 352, 515, 104, CLOTHES[1])
    person(c, 900, 515, 116, CLOTHES[2])


def school_crossing(c: Canvas, rng: random.Random) -> None:
    """Children on a zebra crossing by a school, a pedestrian sign and a volunteer."""
    c.bands(SKY, PAPER, 0, 380)
    c.circle(1040, 90, 46, NOTICE)
    building(c, (640, 150, 1120, 380), (230, 214, 190), ACCENT_LIGHT, [False])
    c.polygon([(620, 150), (880, 70), (1140, 150)], WARM)
    c.rect((850, 290, 910, 380), MUTED, 4)
    tree(c, 120, 380, 160)
    tree(c, 540, 380, 120)
    c.rect((0, 380, WIDTH, 430), TRACK)
    c.rect((0, 430, WIDTH, HEIGHT), ROAD)
    for i in range(8):
        x = 330 + i * 66
        c.polygon([(x, 430), (x + 40, 430), (x + 20, HEIGHT), (x - 30, HEIGHT)], PAPER)
    c.rect((250, 230, 258, 440), INK)
    c.rect((214, 170, 294, 250), ACCENT, 6)
    c.polygon([(254, 184), (226, 236), (282, 236)], PAPER)
    person(c, 254, 232, 40, INK)
    for i, x in enumerate((470, 540, 600)):
        person(c, x, 560 + (i % 2) * 14, rng.uniform(80, 100), CLOTHES[(i + 1) % len(CLOTHES)])
    person(c, 700, 575, 150, NOTICE_EDGE)
    c.rect((736, 470, 744, 560), INK)
    c.circle(740, 462, 22, (200, 40, 40))


def meeting(c: Canvas, rng: random.Random) -> None:
    """A round table with residents, police and officials, a flip chart and speech bubbles."""
    c.rect((0, 0, WIDTH, 430), TRACK)
    c.rect((0, 430, WIDTH, HEIGHT), (206, 214, 222))
    c.rect((120, 70, 380, 300), PAPER, 6)
    for i in range(4):
        c.rect((150, 100 + i * 40, 150 + rng.uniform(120, 200), 114 + i * 40), ACCENT_LIGHT, 4)
    c.line([(250, 300), (200, 420)], MUTED, 6)
    c.line([(250, 300), (300, 420)], MUTED, 6)
    c.rect((800, 60, 1080, 200), ACCENT_LIGHT, 8)
    c.rect((820, 80, 1060, 180), SKY, 4)
    c.polygon([(830, 170), (900, 110), (960, 150), (1050, 96), (1050, 170)], GREEN)
    for i, x in enumerate((420, 540, 660, 780, 900)):
        seated(c, x, 430, 120, CLOTHES[i % len(CLOTHES)])
    c.ellipse((340, 420, 980, 560), (150, 110, 80))
    c.ellipse((360, 424, 960, 540), (176, 132, 96))
    for x in (460, 600, 740, 860):
        c.rect((x, 470, x + 50, 500), PAPER, 3)
    bubble(c, 470, 220, 120, 60, PAPER)
    bubble(c, 720, 250, 110, 56, ACCENT)


def camera_pole(c: Canvas, rng: random.Random) -> None:
    """A camera on a pole over a crossroads, its field of view reaching the street."""
    c.bands(SKY, PAPER, 0, 420)
    for _ in range(3):
        x, y = rng.uniform(100, 1100), rng.uniform(40, 160)
        for dx, r in ((0, 30), (34, 40), (72, 28)):
            c.circle(x + dx, y, r, PAPER)
    building(c, (40, 200, 300, 420), (226, 214, 196), ACCENT_LIGHT)
    building(c, (900, 160, 1160, 420), (206, 218, 230), ACCENT_LIGHT)
    c.rect((0, 420, WIDTH, HEIGHT), ROAD)
    c.rect((520, 420, 680, HEIGHT), (112, 122, 134))
    for y in (470, 560, 640):
        c.rect((590, y, 610, y + 40), PAPER)
    c.polygon([(600, 190), (380, HEIGHT), (860, HEIGHT)], (11, 92, 173, 60))
    c.rect((690, 120, 708, 640), INK)
    c.rect((600, 150, 700, 164), INK, 4)
    c.rect((560, 170, 660, 230), PAPER, 10)
    c.rect((548, 186, 570, 214), MUTED, 6)
    c.circle(556, 200, 8, ACCENT)
    c.circle(648, 184, 6, (200, 40, 40))
    for x, colour in ((200, WARM), (860, ACCENT), (420, GREEN)):
        y = 520 if x != 420 else 600
        c.rect((x, y, x + 140, y + 50), colour, 14)
        c.rect((x + 24, y - 30, x + 110, y + 6), colour, 12)
        c.circle(x + 30, y + 52, 14, INK)
        c.circle(x + 110, y + 52, 14, INK)


def town_map(c: Canvas, rng: random.Random) -> None:
    """A town plan: blocks, a river, a park and pins where residents reported problems."""
    c.rect((0, 0, WIDTH, HEIGHT), (238, 234, 222))
    c.line([(0, 520), (300, 470), (620, 560), (900, 480), (WIDTH, 520)], SEA, 48)
    c.ellipse((760, 80, 1040, 260), GRASS)
    for x in range(40, WIDTH, 150):
        for y in range(40, 440, 120):
            if 760 < x < 1040 and y < 260:
                continue
            c.rect((x, y, x + 120, y + 90), (214, 208, 194), 6)
    for x in range(160, WIDTH, 150):
        c.rect((x, 0, x + 30, HEIGHT), PAPER)
    for y in range(130, 460, 120):
        c.rect((0, y, WIDTH, y + 30), PAPER)
    c.line([(0, 640), (WIDTH, 600)], NOTICE_EDGE, 16)
    for _ in range(7):
        x, y = rng.uniform(80, 1120), rng.uniform(60, 600)
        colour = ACCENT if rng.random() < 0.6 else WARM
        c.polygon([(x - 16, y - 30), (x + 16, y - 30), (x, y)], colour)
        c.circle(x, y - 34, 18, colour)
        c.circle(x, y - 34, 7, PAPER)


def coffee_talk(c: Canvas, rng: random.Random) -> None:
    """Two people talking over coffee at a café table, one in a police-blue uniform with a cap."""
    c.rect((0, 0, WIDTH, HEIGHT), NOTICE)
    c.rect((0, 470, WIDTH, HEIGHT), (226, 204, 170))
    c.rect((80, 60, 400, 300), SKY, 10)
    c.line([(240, 60), (240, 300)], PAPER, 10)
    c.line([(80, 180), (400, 180)], PAPER, 10)
    for i in range(3):
        c.circle(900 + i * 90, 90, 22, NOTICE_EDGE)
        c.line([(900 + i * 90, 0), (900 + i * 90, 68)], MUTED, 3)
    seated(c, 380, 440, 240, ACCENT)
    c.rect((300, 186, 460, 206), INK, 6)
    c.rect((330, 160, 430, 196), ACCENT, 8)
    seated(c, 820, 440, 240, CLOTHES[rng.randrange(1, 3)])
    c.rect((260, 430, 940, 470), (150, 110, 80), 8)
    c.rect((580, 470, 620, 640), (150, 110, 80))
    for x in (480, 680):
        c.rect((x, 380, x + 50, 432), PAPER, 8)
        c.arc((x + 40, 392, x + 70, 420), 270, 90, PAPER, 6)
        for dx in (12, 30):
            c.line([(x + dx, 370), (x + dx + 6, 350), (x + dx, 330)], MUTED, 3)
    bubble(c, 500, 150, 140, 70, PAPER)


def survey_chart(c: Canvas, rng: random.Random) -> None:
    """A clipboard questionnaire beside a pie chart and a bar chart of answers."""
    c.rect((0, 0, WIDTH, HEIGHT), TRACK)
    c.rect((110, 90, 470, 600), (150, 110, 80), 16)
    c.rect((134, 120, 446, 580), PAPER, 6)
    c.rect((240, 74, 340, 120), MUTED, 8)
    for i in range(6):
        y = 170 + i * 66
        c.rect((164, y, 194, y + 30), TRACK, 4)
        if rng.random() < 0.8:
            c.line([(168, y + 14), (178, y + 26), (198, y - 4)], GREEN, 6)
        c.rect((214, y + 8, 214 + rng.uniform(120, 210), y + 22), ACCENT_LIGHT, 4)
    c.circle(700, 300, 160, ACCENT_LIGHT)
    c.pie((540, 140, 860, 460), -90, 248, ACCENT)
    c.circle(700, 300, 70, TRACK)
    for i, share in enumerate((0.9, 0.62, 0.75, 0.4)):
        x = 930 + i * 60
        c.rect((x, 540 - 340 * share, x + 40, 540), (ACCENT, WARM, GREEN, MUTED)[i], 4)
    c.rect((900, 540, 1180, 548), INK)


def memorandum(c: Canvas, rng: random.Random) -> None:
    """A signed agreement: a page of text with a row of signatures, a seal and a pen."""
    c.rect((0, 0, WIDTH, HEIGHT), (210, 222, 236))
    c.rect((340, 50, 860, 640), (0, 0, 0, 30), 8)
    c.rect((330, 40, 850, 630), PAPER, 8)
    c.rect((420, 80, 760, 100), INK, 4)
    for i in range(9):
        y = 140 + i * 30
        c.rect((380, y, 380 + rng.uniform(320, 420), y + 10), TRACK, 3)
    for i in range(4):
        x, y = 380 + (i % 2) * 220, 440 + (i // 2) * 80
        points = [(x + k * 14, y + (10 if k % 2 else -10) * rng.uniform(0.5, 1)) for k in range(9)]
        c.line(points, ACCENT, 4)
        c.rect((x, y + 26, x + 160, y + 29), MUTED)
    c.circle(760, 560, 48, (190, 60, 60, 200))
    c.circle(760, 560, 34, (220, 110, 110, 200))
    c.polygon([(900, 560), (1110, 260), (1140, 280), (930, 580)], INK)
    c.polygon([(900, 560), (930, 580), (890, 600)], NOTICE_EDGE)


def seaside(c: Canvas, rng: random.Random) -> None:
    """A beach: sun, sea, a lifeguard tower, an umbrella and a lifebuoy."""
    c.bands(SKY, PAPER, 0, 300)
    c.circle(980, 110, 60, NOTICE)
    c.bands(SEA, (120, 176, 216), 300, 470, steps=6)
    for _ in range(10):
        x, y = rng.uniform(0, WIDTH), rng.uniform(320, 450)
        c.arc((x, y, x + 60, y + 20), 200, 340, PAPER, 3)
    c.rect((0, 470, WIDTH, HEIGHT), SAND)
    c.rect((150, 260, 166, 560), PAPER)
    c.rect((274, 260, 290, 560), PAPER)
    c.rect((130, 200, 310, 270), WARM, 6)
    c.polygon([(120, 210), (220, 150), (320, 210)], (200, 40, 40))
    c.line([(166, 320), (274, 420)], PAPER, 10)
    c.line([(274, 320), (166, 420)], PAPER, 10)
    c.line([(760, 600), (700, 380)], INK, 8)
    c.pie((560, 300, 840, 460), 180, 360, ACCENT)
    c.pie((620, 300, 780, 460), 180, 360, PAPER)
    c.rect((640, 580, 900, 610), NOTICE_EDGE, 10)
    c.circle(1020, 560, 56, (220, 60, 60))
    c.circle(1020, 560, 30, SAND)
    for angle in (0, 1, 2, 3):
        dx, dy = ((36, 0), (0, 36), (-36, 0), (0, -36))[angle]
        c.circle(1020 + dx * 1.2, 560 + dy * 1.2, 10, PAPER)
    person(c, 480, 600, 130, CLOTHES[2])
    person(c, 530, 600, 90, CLOTHES[0])


def classroom(c: Canvas, rng: random.Random) -> None:
    """A lesson: a board with a diagram, a trainer, and rows of listeners seen from behind."""
    c.rect((0, 0, WIDTH, HEIGHT), (236, 232, 222))
    c.rect((260, 50, 940, 330), (44, 84, 72), 8)
    c.rect((250, 330, 950, 344), (150, 110, 80))
    c.circle(420, 170, 56, PAPER)
    c.circle(420, 170, 46, (44, 84, 72))
    c.line([(476, 170), (620, 120)], PAPER, 5)
    c.line([(476, 170), (620, 220)], PAPER, 5)
    c.rect((620, 96, 760, 144), PAPER, 6)
    c.rect((620, 196, 760, 244), NOTICE, 6)
    c.rect((790, 140, 900, 200), ACCENT_LIGHT, 6)
    person(c, 1040, 420, 250, ACCENT)
    c.line([(1010, 250), (930, 210)], SAND, 12)
    for row, y in enumerate((480, 600)):
        for i in range(6):
            x = 120 + i * 170 + (row % 2) * 60
            colour = CLOTHES[(i + row * 2) % len(CLOTHES)]
            c.rect((x - 50, y - 40, x + 50, y + 80), colour, 30)
            c.circle(x, y - 60, 34, rng.choice([INK, MUTED, (110, 70, 40), (190, 150, 90)]))


def self_defence(c: Canvas, rng: random.Random) -> None:
    """A self-defence class in a gym: mats, a trainer and pairs of women practising."""
    c.rect((0, 0, WIDTH, 380), (222, 226, 236))
    for x in range(0, WIDTH, 200):
        c.rect((x + 30, 60, x + 170, 200), SKY, 6)
    c.polygon([(0, 380), (WIDTH, 380), (WIDTH, HEIGHT), (0, HEIGHT)], (214, 190, 150))
    c.polygon([(140, 420), (1060, 420), (1160, 640), (40, 640)], ACCENT)
    c.polygon([(180, 440), (1020, 440), (1100, 620), (100, 620)], ACCENT_LIGHT)
    poses = [(300, 0.0), (430, 0.2), (700, -0.1), (830, 0.15)]
    for i, (x, lean) in enumerate(poses):
        height = rng.uniform(190, 220)
        colour = (WARM, GREEN, CLOTHES[5], NOTICE_EDGE)[i]
        feet = 580
        c.line([(x - 40, feet), (x + lean * 80, feet - height * 0.42)], INK, 16)
        c.line([(x + 40, feet), (x + lean * 80, feet - height * 0.42)], INK, 16)
        top = feet - height * 0.85
        c.rect((x - 32 + lean * 80, top, x + 32 + lean * 80, feet - height * 0.4), colour, 20)
        arm = 1 if i % 2 == 0 else -1
        c.line([(x + lean * 80, top + 20), (x + lean * 80 + arm * 80, top + 10)], SKIN, 12)
        c.circle(x + lean * 80, top - 30, 28, SKIN)
    person(c, 1080, 560, 240, ACCENT)


def road_safety(c: Canvas, rng: random.Random) -> None:
    """A road into town with a traffic light, a speed sign and an old car at a festival."""
    c.bands(SKY, PAPER, 0, 330)
    c.polygon(
        [(0, 330), (300, 250), (600, 310), (900, 240), (WIDTH, 320), (WIDTH, 340), (0, 340)], GRASS
    )
    c.rect((0, 330, WIDTH, HEIGHT), GRASS)
    c.polygon([(540, 330), (660, 330), (1100, HEIGHT), (100, HEIGHT)], ROAD)
    for i in range(5):
        y0 = 350 + i * 65
        half = 6 + i * 4
        c.polygon(
            [
                (600 - half, y0),
                (600 + half, y0),
                (600 + half * 1.3, y0 + 36),
                (600 - half * 1.3, y0 + 36),
            ],
            PAPER,
        )
    c.rect((180, 200, 192, 520), INK)
    c.rect((150, 110, 222, 290), INK, 14)
    for i, colour in enumerate(((200, 40, 40), NOTICE_EDGE, GREEN)):
        c.circle(186, 140 + i * 55, 21, colour if i == 2 else (70, 80, 92))
    c.rect((1000, 240, 1010, 500), INK)
    c.circle(1005, 230, 50, (200, 40, 40))
    c.circle(1005, 230, 36, PAPER)
    c.rect((990, 214, 1020, 246), MUTED, 4)
    body = rng.choice([WARM, ACCENT, (190, 60, 60)])
    c.rect((340, 500, 700, 590), body, 30)
    c.rect((420, 440, 620, 510), body, 30)
    c.rect((440, 452, 600, 500), SKY, 12)
    c.rect((516, 452, 526, 500), body)
    c.circle(430, 594, 40, INK)
    c.circle(430, 594, 16, TRACK)
    c.circle(620, 594, 40, INK)
    c.circle(620, 594, 16, TRACK)
    c.circle(352, 540, 14, NOTICE)
    for x, flag in ((760, ACCENT), (840, NOTICE_EDGE), (920, WARM)):
        c.line([(x, 280), (x + 80, 280)], MUTED, 2)
        c.polygon([(x, 282), (x + 30, 282), (x + 15, 310)], flag)


def control_room(c: Canvas, rng: random.Random) -> None:
    """The situational centre: a wall of camera screens and an operator at the desk."""
    c.rect((0, 0, WIDTH, HEIGHT), (34, 44, 60))
    for row in range(3):
        for column in range(5):
            x, y = 130 + column * 190, 40 + row * 125
            c.rect((x, y, x + 176, y + 110), INK, 6)
            c.rect((x + 6, y + 6, x + 170, y + 104), (70, 96, 130), 4)
            c.rect((x + 6, y + 70, x + 170, y + 104), ROAD, 2)
            for _ in range(2):
                bx = x + rng.uniform(14, 120)
                c.rect((bx, y + 26, bx + rng.uniform(20, 40), y + 70), (110, 134, 160))
            dot = GREEN if rng.random() < 0.85 else NOTICE_EDGE
            c.circle(x + 160, y + 16, 5, dot)
    c.rect((0, 470, WIDTH, HEIGHT), (60, 70, 86))
    c.rect((200, 500, 1000, 540), MUTED, 8)
    seated(c, 600, 560, 200, ACCENT)
    c.circle(600, 380, 46, (60, 40, 30))
    c.rect((400, 440, 520, 500), INK, 6)
    c.rect((680, 440, 800, 500), INK, 6)
    c.rect((408, 448, 512, 492), ACCENT_LIGHT, 4)
    c.rect((688, 448, 792, 492), ACCENT_LIGHT, 4)


SCENES: dict[str, Scene] = {
    "street-lights": street_lights,
    "school-crossing": school_crossing,
    "meeting": meeting,
    "camera-pole": camera_pole,
    "town-map": town_map,
    "coffee-talk": coffee_talk,
    "survey-chart": survey_chart,
    "memorandum": memorandum,
    "seaside": seaside,
    "classroom": classroom,
    "self-defence": self_defence,
    "road-safety": road_safety,
    "control-room": control_room,
}


def render(key: str) -> bytes:
    """The scene ``key`` as PNG bytes, the same on every run; an unknown key is a KeyError
    naming the known ones."""
    try:
        scene = SCENES[key]
    except KeyError:
        raise KeyError(f"No demo illustration {key!r}; known: {', '.join(SCENES)}") from None
    canvas = Canvas(PAPER)
    scene(canvas, random.Random(key))  # noqa: S311 (a drawing, not a secret)
    return canvas.png()
