import type { Intent } from '../analysis.js';

/**
 * Weighted features per intent: "phrase weight" separated by '|'. Phrases are folded
 * (lower-case, no nukta, ं for ँ) before matching; the longest phrase at a position wins.
 * A negative weight lowers the intent ("jati praman patra" is not a birth certificate).
 */
export const INTENT_FEATURES: Partial<Record<Intent, string>> = {
  apply_birth_certificate: `birth certificate 0.95|birth certificat 0.9|birth cert 0.9|birth registration 0.95|register birth 0.9
    register the birth 0.9|register my baby 0.8|register my child 0.8|birth 0.5|born 0.4|certificate 0.55|certificates 0.45|certificate chahiye 0.8|certificate banwana 0.85|certificate banana 0.8
    certificate bana 0.8|certificate banega 0.8|certificate kaise 0.7|सर्टिफिकेट चाहिए 0.8|janm diya 0.75|janam diya 0.75|जन्म दिया 0.75
    janm praman patra 0.97|janam praman patra 0.97|janm praman 0.9|janam praman 0.9|janm pramanpatra 0.95|praman patra 0.6
    pramanpatra 0.6|praman 0.4|janm 0.55|janam 0.55|janma 0.5|janm ka certificate 0.95|janam ka certificate 0.95
    janm certificate 0.95|janam certificate 0.95|janm panjikaran 0.95|panjikaran 0.6|registration 0.45|register 0.4
    जन्म प्रमाण पत्र 0.97|जन्म प्रमाणपत्र 0.97|जन्म प्रमाण 0.9|प्रमाण पत्र 0.6|जन्म 0.55|जन्म पंजीकरण 0.95|पंजीकरण 0.55
    बर्थ सर्टिफिकेट 0.95|सर्टिफिकेट 0.45|पैदा 0.4|paida 0.4|bachcha hua 0.65|bachche ka 0.3|beti hui 0.65|beta hua 0.65|ladki hui 0.65|ladka hua 0.65|बेटी हुई 0.65|बेटा हुआ 0.65
    baby hua 0.65|ka janm 0.7|ka janam 0.7|janm hua 0.75|janam hua 0.75|janm hui 0.7|का जन्म 0.7|जन्म हुआ 0.75|was born 0.7|new born 0.5|newborn 0.5|delivery hui 0.4|banwana 0.2|banwana hai 0.25|banana hai 0.2|apply 0.2
    jati -0.9|caste -0.9|aay -0.9|income -0.9|niwas -0.9|domicile -0.9|mrityu -0.9|death -0.9|marriage -0.9
    vivah -0.9|shadi -0.9|जाति -0.9|आय -0.9|निवास -0.9|मृत्यु -0.9|विवाह -0.9|status -0.5|kya hua -0.6
    kab milega -0.5|kab tak -0.5|when will -0.5|kab aayega -0.5|कब मिलेगा -0.5`,
  file_complaint: `complaint 0.85|complain 0.85|complaints 0.8|complaining 0.8|shikayat 0.9|shikayaat 0.9|shikayt 0.9|sikayat 0.85
    shikayatein 0.8|शिकायत 0.9|शिकायतें 0.85|कंप्लेंट 0.85|report karna 0.6|report karni 0.6|report 0.3|grievance 0.85
    problem 0.3|samasya 0.35|pareshani 0.35|dikkat 0.3|takleef 0.3|समस्या 0.35|परेशानी 0.35|दिक्कत 0.3|issue 0.25
    hospital mein 0.2|aspatal mein 0.2|अस्पताल में 0.2|doctor ne 0.35|nurse ne 0.35|staff ne 0.35|डॉक्टर ने 0.35|नर्स ने 0.35
    ward boy ne 0.35|karmchari ne 0.35|कर्मचारी ने 0.35|bad experience 0.5|not happy 0.3|action lo 0.5|karwai 0.5|कार्रवाई 0.5
    status -0.5|kya hua -0.5|क्या हुआ -0.6|स्थिति -0.5|स्टेटस -0.5|kya karwai hui -0.5|dikhao -0.6|dikhaiye -0.6|dikha do -0.6|show -0.5|दिखाओ -0.6|दिखाइए -0.6|list -0.4
    pareshan kiya 0.6|pareshan 0.35|walon ne 0.3|wale ne 0.3|वालों ने 0.3|परेशान किया 0.6`,
  check_status: `status 0.85|स्थिति 0.85|स्टेटस 0.85|sthiti 0.8|track 0.6|tracking 0.6|update 0.5|kya hua 0.5|kya hua uska 0.6|ka kya hua 0.8|का क्या हुआ 0.8|क्या कार्रवाई हुई 0.7|kya karwai hui 0.7|मेरी शिकायत 0.35
    kahan tak 0.7|kaha tak 0.7|kahan pahuncha 0.7|कहां तक 0.7|कहाँ तक 0.7|kab tak milega 0.6|certificate kab 0.7|when will i get 0.75|when will 0.4|kab milega 0.6|kab tak 0.4
    kab aayega 0.55|kitne din lagenge 0.6|kitne din me milega 0.7|कितने दिन लगेंगे 0.6|how many days 0.5|how long will it take 0.6|कब मिलेगा 0.6|कब तक 0.4|progress 0.6|pending 0.5|application ka 0.4|meri application 0.6|my application 0.6
    application status 0.95|complaint status 0.95|shikayat ka kya hua 0.95|reference 0.4|ref no 0.5|reference number 0.5
    meri shikayat 0.35|mera certificate 0.4|where is my 0.6|what happened to 0.6|any update 0.7|koi update 0.7|aavedan 0.3
    आवेदन की स्थिति 0.95|आवेदन 0.3|क्या हुआ 0.5|check karo 0.3|check 0.25|dekh ke batao 0.4|pata karo 0.4|my complaints 0.6
    meri shikayatein 0.6|meri applications 0.6|मेरी शिकायतें 0.6|मेरे आवेदन 0.6|dikhao 0.3|dikhaiye 0.3|दिखाओ 0.3|show my 0.35|my name -0.6|naam -0.5|नाम -0.5|list 0.3|saari shikayatein 0.5|sari shikayatein 0.5|shikayatein dikhao 0.8|complaints dikhao 0.8
    शिकायतें दिखाओ 0.8|show complaints 0.8|show my complaints 0.9|my applications 0.6|आवेदन दिखाओ 0.8|application dikhao 0.8
    certificate kab 0.7|when will i get 0.75|when will 0.4`,
  pay_fee: `pay 0.8|payment 0.8|pay karna 0.85|pay karni 0.85|fees bharni 0.9|fee bharni 0.9|fees bharna 0.9|fees bharu 0.85
    fees jama 0.85|fee jama 0.85|fees 0.45|fee 0.45|shulk 0.6|शुल्क 0.6|भुगतान 0.9|bhugtan 0.9|qr 0.6|qr code 0.7|upi 0.7
    paytm 0.6|phonepe 0.6|gpay 0.6|google pay 0.6|paisa jama 0.6|paise jama 0.6|paise bharne 0.7|online payment 0.85
    kitna paisa 0.5|kitne paise 0.5|kitni fees 0.6|how much 0.35|fees kitni 0.6|कितने पैसे 0.5|फीस 0.5|फीस भरनी 0.9
    late fee 0.6|विलंब शुल्क 0.9|शुल्क जमा 0.9|शुल्क भरना 0.9|फीस जमा 0.9|jama karna 0.3|kitne paise lagenge 0.7|kitna lagega 0.6|kitna kharcha 0.6|charges 0.5|how much does it cost 0.7
    कितने पैसे लगेंगे 0.7|कितना शुल्क 0.7|fees kaise 0.7|fee kaise 0.7|kaise bharu 0.6|kaise bhare 0.6|bharu 0.3|फीस कैसे 0.7|pay fee 0.9|pay the fee 0.9|make payment 0.9|rishwat -0.9|bribe -0.9|maange -0.8|mange -0.8|manga -0.8
    मांगे -0.8|माँगे -0.8|liya -0.6|extra -0.6|charged -0.6|asked -0.6|demanded -0.8
    paisa kaise 0.6|paise kaise 0.6|kaise jama 0.6|jama kare 0.5|पैसे कैसे 0.6|कैसे जमा 0.6`,
  greeting: `hi 0.9|hii 0.9|hello 0.9|helo 0.9|hlo 0.9|hey 0.9|namaste 0.95|namaskar 0.95|namaskaar 0.95|pranam 0.9
    good morning 0.9|good afternoon 0.9|good evening 0.9|gm 0.5|ram ram 0.9|jai hind 0.8|salaam 0.9|assalamualaikum 0.9
    sat sri akal 0.9|radhe radhe 0.9|jai shree ram 0.8|नमस्ते 0.95|नमस्कार 0.95|प्रणाम 0.9|हेलो 0.9|हाय 0.9|राम राम 0.9`,
  menu: `menu 0.95|main menu 0.95|menu dikhao 0.95|show menu 0.95|मेनू दिखाओ 0.95|मेनू दिखाइए 0.95|options 0.7|option 0.5|services 0.6|seva 0.4|सेवाएं 0.6|start 0.5|start again 0.7
    restart 0.7|shuru 0.5|shuru karo 0.6|शुरू 0.5|मेनू 0.95|what can you do 0.9|kya kar sakte ho 0.85|kya kar sakte hain 0.85
    aap kya karte ho 0.8|क्या कर सकते हैं 0.85|back 0.4|home 0.3|wapas 0.4`,
  help: `help 0.8|madad 0.8|madat 0.8|sahayata 0.8|मदद 0.8|सहायता 0.8|help me 0.85|help chahiye 0.85|madad chahiye 0.85
    how does this work 0.85|how to 0.4|kaise kare 0.5|kaise karu 0.5|kaise karein 0.5|samajh nahi aaya 0.7|samajh nahi 0.6
    समझ नहीं 0.6|samjha nahi 0.6|confused 0.6|not understand 0.6|dont understand 0.7|don t understand 0.7|kya karna hai 0.55|kya karu 0.5
    kaise 0.2|guide 0.5|what is this 0.6|ye kya hai 0.5|यह क्या है 0.5|documents 0.6|document 0.5|kagaz 0.6|kagaj 0.6|कागज 0.6|कागजात 0.6|dastavez 0.6|दस्तावेज 0.6|aap kaun ho 0.6|tum kaun ho 0.6|who are you 0.6|आप कौन हैं 0.6|kaun ho 0.5
    what is this 0.6|ye kya hai 0.5|यह क्या है 0.5
    jaankari chahiye 0.7|jankari chahiye 0.7|jaankari leni hai 0.7|jankari leni hai 0.7|जानकारी चाहिए 0.7|जानकारी लेनी है 0.7
    information chahiye 0.7|need information 0.7|want information 0.7|just information 0.7|only information 0.7`,
  human: `agent 0.6|agent se 0.85|human 0.8|insaan 0.8|insan 0.8|इंसान 0.8|real person 0.9|a person 0.6|person 0.35
    talk to someone 0.85|talk to a person 0.95|speak to someone 0.85|talk to 0.4|speak to 0.4|officer 0.5|adhikari 0.55
    adhikari se 0.8|अधिकारी 0.55|अधिकारी से 0.8|kisi se baat 0.8|kisi adhikari se baat 0.95|किसी से बात 0.8|customer care 0.8
    helpline 0.6|call karo 0.5|call me 0.6|phone karo 0.5|mujhe call 0.6|customer care number 0.85|helpline number 0.8|staff se baat 0.85|karmchari se baat 0.85|कर्मचारी से बात 0.85|स्टाफ से बात 0.85|officer se baat 0.9|afsar se baat 0.9|अफसर से बात 0.9
    baat karni hai 0.3|baat karna hai 0.3|बात करनी है 0.3|operator 0.7|representative 0.8|manager 0.5|not a bot 0.8|bot nahi 0.8`,
  cancel: `cancel 0.85|cancel karo 0.9|cancel it 0.9|radd 0.8|radd karo 0.9|रद्द 0.85|रद्द करें 0.9|रद्द करो 0.9|रद्द कर दो 0.9|stop 0.85|band karo 0.6
    rehne do 0.8|rahne do 0.8|रहने दो 0.8|chhodo 0.4|nahi chahiye 0.6|नहीं चाहिए 0.6|dont want 0.6|don t want 0.6|forget it 0.8
    mat karo 0.5|quit 0.7|exit 0.7|abort 0.8|band kar do 0.6`,
  skip: `skip 0.9|skip karo 0.9|skip it 0.9|chhodo 0.6|chodo 0.6|chhod do 0.7|छोड़ें 0.8|छोड़ो 0.8|छोड़ दो 0.8|छोड़िए 0.8
    pata nahi 0.75|nahi pata 0.75|pta nahi 0.75|malum nahi 0.75|maloom nahi 0.75|पता नहीं 0.75|मालूम नहीं 0.75
    dont know 0.75|don t know 0.75|i don t know 0.8|didn t know 0.6|do not know 0.75|not sure 0.6|no idea 0.7|next 0.5|yaad nahi 0.75|याद नहीं 0.75|don t remember 0.75|dont remember 0.75|not remember 0.7|i forgot 0.6|bhool gaya 0.6|bhul gaya 0.6|aage 0.4|aage badho 0.6|baad mein 0.4|later 0.4`,
  thanks: `thanks 0.95|thank you 0.95|thank u 0.95|thanku 0.95|thankyou 0.95|thx 0.9|ty 0.6|tysm 0.9|dhanyavad 0.95
    dhanyawad 0.95|dhanyavaad 0.95|shukriya 0.95|sukriya 0.95|धन्यवाद 0.95|शुक्रिया 0.95|meharbani 0.8|aabhar 0.8|आभार 0.8
    bahut accha 0.4|great 0.3|nice 0.3|bye 0.6|bye bye 0.7|ok bye 0.7|tata 0.5|alvida 0.6|अलविदा 0.6`,
  delete_data: `delete my data 0.97|delete data 0.95|data delete 0.95|mera data 0.5|meri details 0.4|my data 0.5|my details 0.4
    data hatao 0.95|data hata do 0.95|data mita do 0.95|data mitao 0.95|delete kar do 0.6|delete karo 0.6|delete 0.5
    remove my data 0.95|erase my data 0.95|erase 0.5|forget me 0.85|forget my data 0.95|मेरा डेटा 0.5|डेटा हटाओ 0.95
    डेटा हटा दो 0.95|डेटा डिलीट 0.95|डेटा मिटा 0.95|जानकारी हटा 0.9|jankari hatao 0.9|privacy 0.4|डिलीट 0.5`,
  abuse: `idiot 0.85|stupid 0.8|bloody 0.6|bastard 0.9|fuck 0.9|fucking 0.9|shit 0.7|useless 0.5|nonsense 0.5|moron 0.85
    chutiya 0.95|chutiye 0.95|madarchod 0.95|behenchod 0.95|bhenchod 0.95|harami 0.9|haramkhor 0.9|kutta 0.3|kutte 0.35|tu kutta 0.9|kutte ki aulad 0.95
    kamina 0.85|kamine 0.85|saala 0.6|saale 0.7|sala 0.5|ullu 0.6|gadha 0.6|gadhe 0.7|bewakoof 0.75|bevakoof 0.75|pagal 0.6
    bakwas 0.5|bakwaas 0.5|bekar ho 0.6|bekaar ho 0.6|faltu ho 0.6|useless ho 0.6|बेकार हो 0.6|चूतिया 0.95|हरामी 0.9|कुत्ते 0.35|कमीने 0.85|साले 0.7|बेवकूफ 0.75|पागल 0.6|गधे 0.7|बकवास 0.5`,
  out_of_scope: `weather 0.85|mausam 0.85|मौसम 0.85|cricket 0.85|क्रिकेट 0.85|match score 0.85|ipl 0.8|ration card 0.9|rashan card 0.9
    राशन कार्ड 0.9|aadhaar card 0.7|aadhar card 0.7|आधार कार्ड 0.7|pan card 0.85|पैन कार्ड 0.85|passport 0.8|पासपोर्ट 0.8
    driving licence 0.85|driving license 0.85|voter id 0.8|pension 0.7|पेंशन 0.7|joke 0.85|jokes 0.85|chutkula 0.85|चुटकुला 0.85
    song 0.7|gaana 0.7|gana sunao 0.8|movie 0.7|film 0.6|recipe 0.85|news 0.6|khabar 0.5|stock 0.6|share market 0.8|bitcoin 0.85
    girlfriend 0.8|boyfriend 0.8|shayari 0.85|poem 0.7|kavita sunao 0.8
    domicile certificate 0.9|niwas praman patra 0.95|निवास प्रमाण पत्र 0.95
    marriage certificate 0.9|vivah praman patra 0.95|विवाह प्रमाण पत्र 0.95|loan 0.6|job 0.5|naukri 0.6|नौकरी 0.6|exam result 0.8
    are you a bot 0.4|capital of 0.8|prime minister 0.6|election 0.7`,
};

/**
 * Prompt-injection and other-people's-data requests: never a service intent. Matching any of
 * these makes the message out of scope (the runtime also enforces ownership of every record).
 */
export const INJECTION_PHRASES = `ignore previous instructions|ignore all previous instructions|ignore your instructions
ignore the above|ignore your rules|ignore all rules|ignore previous|already confirmed|has confirmed|confirm kar diya|पुष्टि कर दी|सिस्टम संदेश|system message|नियम भूल|rules bhool|rules bhul|forget your rules|
सिस्टम प्रॉम्प्ट|प्रॉम्प्ट|prompt|tool names|your tools|tools ke naam|टूल के नाम|सारे नागरिकों|सभी नागरिकों|नागरिकों की|every citizen|all citizens|
sabhi nagrik|saare nagrik|disregard previous|forget your instructions|system prompt
developer mode|admin mode|jailbreak|you are now|act as|pretend to be|reveal your prompt|show your prompt|your instructions
all complaints|all applications|all users|all records|every complaint|everyone s|everyones|other users|other people s
other peoples|someone else s|someone elses|another person s|sabki|sab ki|sabhi ki|sabhi logon|sab logon|sab logo|sabhi logo|baaki logo|dusre logo|doosre logo|sab ki complaint|sabki complaint|doosron ki|dusron ki
dusre logon|doosre logon|सबकी|सब की|सभी की|सभी लोगों|दूसरों की|दूसरे लोगों|saari shikayatein|sari shikayatein|sari shikayate
saari shikayat|सारी शिकायतें|सारे आवेदन|saare aavedan|database|admin|password|api key|token dikhao|phone number of`;

/** Words that mean the request is about the citizen's own records ("meri saari shikayatein"). */
export const OWN_MARKERS =
  'my mine meri mera mere apni apna apne मेरी मेरा मेरे अपनी अपना अपने hamari hamara humari';

/** Intents that only make sense as (almost) the whole message: "haan", "hi", "thanks", "skip". */
export const WHOLE_MESSAGE_INTENTS: readonly Intent[] = ['greeting', 'thanks', 'skip', 'cancel', 'menu'];

/** Filler that does not stop a message from being "just" a greeting, a thanks, a skip… */
export const FILLER =
  'ji jee there bahut bohot बहुत sir madam mam maam bhai bhaiya didi please plz pls ok okay theek thik ठीक accha acha achha hai h है जी sahab sahib dear team so very bahut much a lot karo kro kar do de dijiye kijiye its it this करो करें कर दो दें दीजिए कीजिए प्लीज़ प्लीज';

/** Misspellings worth repairing: long keywords whose one-letter typos are common. */
export const TYPO_VOCABULARY =
  'certificate complaint complain shikayat application registration hospital status payment namaste dhanyavad shukriya delete cancel praman panjikaran badtameezi rishwat intezaar english hindi hinglish birth janam thanks madad sahayata';
