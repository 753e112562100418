/**
 * Romanized Hindi as people type it on phones, with the spelling variants seen in chats.
 * Words here are not (common) English words; those that are live in AMBIGUOUS_HINGLISH.
 */
export const STRONG_HINGLISH: readonly string[] = `
hai hy hain hei haina hen hn hu hoon hun tha thi thin the_ thay
mujhe mujhko muje mjhe mujhse mujh mereko mereku humko hame hamein hume humein tumko tumhe aapko apko aapse apse
mera meri mere mra mri mre tera teri tere apna apni apne apana hamara hamari hamare humara humari humare tumhara tumhari
aapka aapki aapke apka apki apke uska uski uske usko usne iska iski iske isko isne unka unki unke unko unhone inka inki inke
kya kia kyaa kyu kyun kyon kyunki kyuki kaise kese kaisa kaisi kesa kesi kab kb kahan kaha kidhar kaun kon kaunsa konsa kitna kitni kitne ktna
nahi nhi nahin nahii nahee nai_ mat naa
ka ki ke ko se ne pe mein mei mai mujhe bhi bi sirf bas_ tak liye lie lye wala wali wale vala vali vale
aur or_ ya_ lekin magar par_ phir fir jab tab agar toh tho
kal kl aaj aj parson parso parsun abhi abi abhee jaldi turant baad pehle pahle phle pichhle pichle pichhla pichla agle agla
din dino hafta hafte hafton mahina mahine mahino saal sal ghanta ghante ghanton subah subha shaam sham raat dopahar
ek teen char chaar paanch panch chhe chhah saat aath nau das gyarah barah
karna krna karni krni karne krne karo kro kar kr karke krke kariye kijiye kijie karein karen karenge karunga karungi kiya kiye kia_ ki_
chahiye chahie chaiye chahiya chaahiye chahta chahti chahte
hona hone honi hoga hogi honge ho_ hua hui hue huwa huaa gaya gayi gaye gya gyi gye raha rahi rahe rha rhi rhe
diya diye dijiye dena dedo de_ dunga dungi liya liye lena lelo lo_ milna mila mili mile milega milegi milenge
bolo bola boli bole bolna batao bataiye bataye btao batana bataya batayein bataen dekho dekha dekhna dikhao dikhaye
jana jaana jao gaye jaate jata jati aana aao aaya aayi aaye aate
sakta sakti sakte skta skti rakha rakhi rakhna rakho likho likha likhna bhejo bheja bhejna bhejiye chhodo chodo chhod
banwana banwani banvana bnwana banana banega banegi bana bani bane banao banaiye banwao
haan haa hanji haanji ji jee bilkul zaroor jaroor theek thik thk sahi galat accha acha achha achcha
namaste namaskar pranam dhanyavad dhanyawad dhanyavaad shukriya sukriya meharbani kripya kirpya
beti beta bachcha bachchi bachche bacha baccha bacche bachi ladka ladki larka larki ladke ladkiyan betiyan putra putri
maa mata pita pitaji mataji pati patni biwi gharwali bhai behen bahan didi bhaiya sahab saheb babu
naam nam pata ghar gaon gaanv gav shahar zila jila mohalla gali makan makaan mkan paas paani pani tanki
janm janam janma praman pramaan pramanpatra patra patr panjikaran panjiyan
aspatal aspataal asptal haspatal sarkari sarkaari dawai dawa dawaai davai davaai ilaj ilaaj marij mariz
shikayat shikayaat shikayt sikayat shikayatein shikaayat
ganda gandi gande gandagi gandgi safai saaf badboo badbu rishwat rishvat ghoos ghus maanga mange maange manga maangi
paise paisa paison rupaye rupay rupiya
badtameezi badtamizi badtameez badtmiz daanta danta daant chillaya chillana chillaye intezaar intezar intjar intjaar
kharab khrab kharaab band_ khula pareshan pareshani dikkat dikat samasya takleef taklif dard
madad madat sahayata jankari jaankari suvidha seva sarkar vibhag adhikari kagaz kagaj bharna bharni bharo jama
woh wo vo voh yeh ye yah jo jis kis kisi kuch kuchh kch sab sabhi koi khud yahan yaha wahan waha
naya nayi naye purana purani thoda thodi jyada zyada jada bahut bohot bahot bhot bahot kam
yaar yar arre arey acha_ hmm_ chalo ruko suno samjha samajh samjhe pata_ maloom malum
hum tum aap ap_ main_ mein_ hamko tumse unse usse
paida dobara dubara wapas vapas sath saath bina
`
  .split(/\s+/)
  .filter((w) => w !== '' && !w.endsWith('_'));

/** Romanized Hindi that is also English (or a very common short form): weaker evidence. */
export const AMBIGUOUS_HINGLISH: ReadonlyMap<string, number> = new Map([
  ['h', 0.6],
  ['he', 0.4],
  ['me', 0.4],
  ['main', 0.4],
  ['to', 0.3],
  ['do', 0.3],
  ['ho', 0.5],
  ['par', 0.5],
  ['na', 0.5],
  ['ya', 0.5],
  ['or', 0.2],
  ['bas', 0.5],
  ['band', 0.3],
  ['ha', 0.4],
  ['han', 0.6],
  ['hi', 0.2],
  ['nai', 0.5],
  ['ap', 0.4],
  ['de', 0.4],
  ['lo', 0.4],
  ['di', 0.3],
  ['li', 0.3],
  ['the', 0],
  ['so', 0.2],
  ['bat', 0.4],
  ['baat', 1],
  ['man', 0.3],
  ['hum', 0.8],
  ['pata', 1],
]);

/** Common English words that Hinglish writers rarely use in a Hindi sentence. */
export const ENGLISH_MARKERS: readonly string[] = `
the is are am was were be been being i im my mine you your yours we our us they their them she her his him it its
this that these those what when where which who whom whose how why
want wants wanted need needs needed would could should can cannot cant will wont shall may might must
for from with of on at by about into over under between through during without
and but not dont didnt doesnt isnt wasnt have has had having does did done get got give gave given
applied checked know tell told there here today yesterday tomorrow born
daughter son child children baby mother father wife husband parents
still yet already just only also very some any all again new old last next week weeks days ago month months year years
since after before then than if because as an a like regarding dear
paid charged asked waiting wait long broken call talk speak someone person
good morning evening afternoon night much there everything nothing anything something everyone
`
  .split(/\s+/)
  .filter((w) => w !== '');

/** Service words both English and Hinglish writers use: half-weight evidence of English. */
export const WEAK_ENGLISH: readonly string[] = `
complaint number status certificate application birth registration payment fee fees check apply register copy
reference details name date address district problem issue update track submit cancel change help
`
  .split(/\s+/)
  .filter((w) => w !== '');
