/**
 * Frequent function words per language, the evidence language-detect.ts weighs when a script is
 * shared by several languages. Lists are short on purpose: the commonest words only, so that
 * ordinary text in the language hits several of them and text in a neighbour rarely does.
 */

const words = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/u));

/** Latin-script languages: IFEval's (en de es fr it pt pl fi sw vi) and close neighbours. */
export const LATIN: Readonly<Record<string, ReadonlySet<string>>> = {
  en: words(`the and of to a in is it that for you with on as are this be was have not at by from or your an
    they we can will but i my me he she his her our their there what which who would if do does so all about
    has more one these those them than its into also how when just any some no up out were been had should
    could here then each other such only very most may why over under through after before between while where`),
  de: words(`der die das und ist nicht ein eine zu den von mit sich des auf für dem im es auch als an wie er
    sie wir ich du aber oder wenn noch nach bei aus um nur einen einer sind war hat werden wird kann dass über
    diese dieser mehr vom zum zur sehr`),
  es: words(`el la los las de que y en un una es por con para no se su sus al lo como más pero este esta son
    del muy también ya o hay todo ser fue sobre entre cuando porque`),
  fr: words(`le la les de des du et est un une en que qui pas pour dans ce il elle au aux sur avec ne se son
    sa ses plus par mais ou nous vous je sont cette être été aussi`),
  it: words(`il lo la i gli le di da del della dei che e è un una per non con si sono ma come anche più nel
    nella alla al questo questa lei io tu noi voi ci ne mi ti essere ha hanno un in sul`),
  pt: words(`o a os as de do da dos das que e é um uma para com não em no na nos nas por se mais como mas ao
    seu sua são foi ser também muito isso este esta você ele ela`),
  nl: words(`de het een en van in is dat op te zijn met voor niet die er aan ook als maar om bij door naar dan
    wat nog wel geen worden ik je we hij zij`),
  pl: words(`i w z na się nie to jest że do o jak ale po co tak jego jej od przez dla są czy był była by tylko
    już także może ten ta te`),
  fi: words(`ja on ei se että oli hän ovat mutta kun niin kuin myös tai jos ole olla joka mitä tämä nämä sen
    sitä hänen me te he minä sinä vain jo kaikki voi mukaan sekä`),
  sw: words(`na ya wa za kwa ni la katika cha kama hii hiyo kuwa lakini pia au sana wao yake vya hata kwamba
    huo ili bila zaidi hapa wewe mimi sisi`),
  vi: words(`và của là có các những được trong cho một không người này với đã để khi đến từ như về nhiều
    cũng sẽ rằng thì ra làm bạn tôi chúng nó đó năm`),
  id: words(`yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke karena ada bisa saya kami
    mereka atau oleh sudah lebih`),
  tl: words(`ang ng sa na mga at ay ito si ni hindi para ako ka siya kami sila niya nila kung pero lang din rin`),
};

/** Cyrillic-script languages; the first is assumed when no word decides. */
export const CYRILLIC: Readonly<Record<string, ReadonlySet<string>>> = {
  ru: words(`и в не на я что с он как это по но они к у же вы за бы от то все так его для мы был она только
    из когда если уже или ещё еще быть есть их очень также может чтобы`),
  bg: words(`и в не на е за се от да са с че по това как но ще към или ако го му които който която много може
    съм сме има бъде още също тази този беше тя той те ние вие аз във със`),
  uk: words(`і й в у не на що з до як це та але за від по для його її він вона ми ви вони є був була бути
    також тому який яка які щоб коли ще вже`),
};

/** Arabic-script languages; the first is assumed when no word decides. */
export const ARABIC: Readonly<Record<string, ReadonlySet<string>>> = {
  ar: words(`في من على إلى الى أن ان عن هذا هذه التي الذي ما لا مع كان كانت قد هو هي ذلك بين كل أو او ثم
    حتى إن لم لن`),
  fa: words(`و در به از که این آن را با است برای یک تا می شده بود هم نیز اما یا هر شود کند خود ما شما او
    آنها نه باید`),
  ur: words(`کے میں کی ہے اور سے کو کا نہیں یہ وہ ہیں پر بھی ایک تھا تھی کہ جو ہو کر گیا اس ان لیے آپ ہم
    تو ساتھ`),
};

/** Devanagari-script languages; the first is assumed when no word decides. */
export const DEVANAGARI: Readonly<Record<string, ReadonlySet<string>>> = {
  hi: words(`है हैं और के का की में से को पर यह वह था थे थी नहीं भी लिए कि जो हो तो ही कर करने गया रहा अपने
    इस उस हम आप मैं`),
  mr: words(`आहे आहेत आणि च्या ची चा चे मध्ये हे ही हा ते ती तो या व नाही पण करून केले होते होता आपण मी
    तुम्ही त्यांनी त्याच्या साठी म्हणून असे ला`),
  ne: words(`छ छन् हो र को का की मा ले लाई पनि यो त्यो गर्न गरेको थियो भएको हुन्छ छैन तर म हामी तपाईं उनी
    भने रूपमा बारे सबै यस गर्छ`),
};
