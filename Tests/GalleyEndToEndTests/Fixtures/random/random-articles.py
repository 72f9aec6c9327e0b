#!/usr/bin/env python3
"""Writes random Galley JSON articles for the robustness test: every block and inline type, nested up to
four deep, text drawn from every script Galley has fonts for (Latin, Cyrillic, Greek, Arabic and Persian, Hebrew,
the Indic scripts, Thai, Lao, Khmer, Myanmar, Georgian, Armenian, Ethiopic, Chinese, Japanese kana, Korean), as
words of one script and as characters of all of them mixed, with emoji, combining marks, bidi controls, soft
hyphens, dashes, no-break and zero-width spaces, very long words, tables of ragged rows, figures of every kind.
Usage: random-articles.py SEED COUNT FOLDER [MAX-BLOCKS] (the same seed always writes the same files)."""
import json, random, sys
seed=int(sys.argv[1]); n=int(sys.argv[2]); out=sys.argv[3]; max_blocks=int(sys.argv[4]) if len(sys.argv)>4 else 25
random.seed(seed)
alphabets=['abcdefghijklmnopqrstuvwxyz','ABCDEFGHIJKLMNOPQRSTUVWXYZ','абвгдежзийклмнопрстуфхцчшщъыьэюя','αβγδεζηθικλμνξοπρστυφχψω',"äöüßéèêçœæ",'0123456789',' ','\u00ad','-–—/','.,;:!?«»“”‘’()[]','\u00a0','\t','\n','😀🚀','\u200b\u200d','ﬁﬂ','אבגד','عربى','中文字','\u0301\u0308','−→★✓∑≤']
# One alphabet per script: letters (and, where the script has them, vowel signs and digits) to make words of.
scripts={
 'latin':'abcdefghijklmnopqrstuvwxyzéàçäöüß','cyrillic':'абвгдежзийклмнопрстуфхцчшщъыьэюя','greek':'αβγδεζηθικλμνξοπρστυφχψω',
 'arabic':'ابتثجحخدذرزسشصضطظعغفقكلمنهوي٠١٢٣ًٌ','persian':'پچژگکیابتدرسلمنو‌۱۲۳','hebrew':'אבגדהוזחטיכלמנסעפצקרשתךםןףץַּ',
 'devanagari':'कखगघचछजझटठडढणतथदधनपफबभमयरलवशसहािीु्ं०१२','bengali':'কখগঘচছজঝটঠডতথদধনপফবভমযরলশসহাি্',
 'gurmukhi':'ਕਖਗਘਚਛਜਝਟਠਡਣਤਥਦਧਨਪਫਬਭਮਯਰਲਵਸਹਾਿ','gujarati':'કખગઘચછજઝટઠડતથદધનપફબભમયરલવશસહાિ','oriya':'କଖଗଘଚଛଜଝଟଠଡତଥଦଧନପଫବଭମଯରଲଶସହା',
 'tamil':'கஙசஞடணதநபமயரலவழளறனாி்','telugu':'కఖగఘచఛజఝటఠడతథదధనపఫబభమయరలవశసహాి్',
 'kannada':'ಕಖಗಘಚಛಜಝಟಠಡತಥದಧನಪಫಬಭಮಯರಲವಶಸಹಾಿ','malayalam':'കഖഗഘചഛജഝടഠഡതഥദധനപഫബഭമയരലവശസഹാി്','sinhala':'කඛගඝචඡජඣටඨඩතථදධනපඵබභමයරලවශසහාි',
 'thai':'กขคงจฉชซญดตถทธนบปผพฟมยรลวศสหอฮัิี่้เแโะา','lao':'ກຂຄງຈຊຍດຕຖທນບປຜຝພຟມຢຣລວສຫອຮິີະາເແໂ',
 'khmer':'កខគឃងចឆជឈញដឋឌឍណតថទធនបផពភមយរលវសហឡអាិី','myanmar':'ကခဂဃငစဆဇဈညဋဌဍဎဏတထဒဓနပဖဗဘမယရလဝသဟဠအါာိ',
 'georgian':'აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ','armenian':'աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆ','ethiopic':'ሀለሐመሠረሰሸቀበተቸኀነኘአከኸወዐዘዠየደጀገጠጨጰጸፀፈፐ',
 'han':'中文字国人大学生日本語的是不了在有和这为上个我们来到时年出会可','kana':'あいうえおかきくけこさしすせそたちつてとアイウエオカキクケコー','hangul':'한국어글자사람나라대학생하다있다','cjkpunct':'、。「」（）：！？・…',
}
alphabets += list(scripts.values()) + ['‎‏‪‫‬⁦⁧⁩', '　']
langs=['en','fr','de','ru','uk','el','es','it','pt-BR','en-GB','xx','zh','zh-Hant','zh-TW','ja','ko','ar','fa','ur','he','hi','bn','pa','gu','or','ta','te','kn','ml','si','th','lo','km','my','ka','hy','am','mr','ne']
def words(maxlen=60):
    # Words of one script at a time, as real multilingual text comes; some scripts are written without spaces.
    s=''
    while len(s)<random.randint(0,maxlen):
        a=random.choice(list(scripts.values()))
        s+=''.join(random.choice(a) for _ in range(random.randint(1,8)))
        s+=random.choice([' ',' ',' ','',', ','. ','؟ ','。','、'])
    return s
def text(maxlen=60):
    if random.random()<0.5: return words(maxlen)
    k=random.randint(0,maxlen)
    s=''
    for _ in range(k):
        a=random.choice(alphabets)
        s+=random.choice(a)
    if random.random()<0.05: s+= 'x'*random.randint(50,400)
    return s
def inline(depth=0):
    if depth>3 or random.random()<0.4: return text()
    items=[]
    for _ in range(random.randint(0,5)):
        r=random.random()
        t=random.choice(['emphasis','strong','link','code','break','span','superscript','subscript','strikethrough','str'])
        if t=='str': items.append(text())
        elif t=='link': items.append({'type':'link','href':random.choice(['https://ex.org/a'+str(random.randint(0,99)),'#x','mailto:a@b.org']),'content':inline(depth+1)})
        elif t=='code': items.append({'type':'code','text':text()})
        elif t=='break': items.append({'type':'break'})
        elif t=='span': items.append({'type':'span','lang':random.choice(langs),'content':inline(depth+1)})
        else: items.append({'type':t,'content':inline(depth+1)})
    return items
def block(depth=0):
    t=random.choice(['paragraph']*6+['heading','quote','list','note','rule','table','preformatted','figure'])
    if depth>3: t='paragraph'
    if t=='paragraph': return {'type':'paragraph','content':inline()}
    if t=='heading': return {'type':'heading','level':random.choice([2,3]),'content':inline()}
    if t=='quote':
        b={'type':'quote','blocks':[block(depth+1) for _ in range(random.randint(0,3))]}
        if random.random()<0.5: b['attribution']=text(20)
        return b
    if t=='list':
        items=[]
        for _ in range(random.randint(0,6)):
            items.append(inline() if random.random()<0.7 else {'blocks':[block(depth+1) for _ in range(random.randint(0,2))]})
        return {'type':'list','ordered':random.random()<0.5,'items':items}
    if t=='note': return {'type':'note','label':text(10),'blocks':[block(depth+1) for _ in range(random.randint(0,2))]}
    if t=='rule': return {'type':'rule'}
    if t=='table':
        cols=random.randint(1,6)
        rows=[[inline(2) for _ in range(random.randint(0,cols))] for _ in range(random.randint(0,30))]
        b={'type':'table','rows':rows}
        if random.random()<0.5: b['header']=[[inline(2) for _ in range(cols)]]
        if random.random()<0.3: b['align']=[random.choice(['left','center','right']) for _ in range(random.randint(0,cols))]
        return b
    if t=='preformatted': return {'type':'preformatted','text':text(400)}
    if t=='figure': return {'type':'figure','src':random.choice(['images/power-station.jpg','images/union-badge.png','images/jobs-chart.svg','images/power-station-cmyk.jpg','missing.png','../x.png']),'alt':text(20),'caption':inline(2),'credit':text(10)}
for i in range(n):
    a={'id':str(seed*100000+i),'title':text(80) or 'T','language':random.choice(langs),'blocks':[block() for _ in range(random.randint(0,max_blocks))]}
    if random.random()<0.5: a['deck']=inline()
    if random.random()<0.5: a['authors']=[text(15) for _ in range(random.randint(0,4))]
    if random.random()<0.3:
        ids=[str(k) for k in range(random.randint(1,5))]
        a['footnotes']=[{'id':k,'blocks':[block(3) for _ in range(random.randint(1,2))]} for k in ids]
        a['blocks'].append({'type':'paragraph','content':[text()]+[{'type':'footnote','ref':k} for k in ids]})
    json.dump(a,open(f'{out}/f{i}.json','w'),ensure_ascii=random.random()<0.5)
