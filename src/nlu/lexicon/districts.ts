/**
 * Indian districts: canonical English name | Hindi name(s) | romanized variants and big towns
 * people name instead of the district. Every district of the Hindi-belt states, the big
 * districts of the others. Lines starting with '#' name the state.
 */
const GAZETTEER = `
# Uttar Pradesh
Agra|आगरा|aagra|agraa|आग्रा
Aligarh|अलीगढ़|aligadh|aligarh
Ambedkar Nagar|अंबेडकर नगर|अम्बेडकर नगर|akbarpur
Amethi|अमेठी
Amroha|अमरोहा|jyotiba phule nagar
Auraiya|औरैया|auraiyya
Ayodhya|अयोध्या|faizabad|फैजाबाद|ayodhaya
Azamgarh|आजमगढ़|azamgadh
Baghpat|बागपत|bagpat
Bahraich|बहराइच|baharaich
Ballia|बलिया|baliya
Balrampur|बलरामपुर
Banda|बांदा|बाँदा
Barabanki|बाराबंकी|bara banki
Bareilly|बरेली|bareli|barelly
Basti|बस्ती
Bhadohi|भदोही|sant ravidas nagar|संत रविदास नगर
Bijnor|बिजनौर|bijnaur
Budaun|बदायूं|बदायूँ|badaun|badayun
Bulandshahr|बुलंदशहर|bulandshahar|bulandsahar
Chandauli|चंदौली|chandoli
Chitrakoot|चित्रकूट|chitrakut
Deoria|देवरिया|devria|devariya
Etah|एटा|eta
Etawah|इटावा|etawa|itawa
Farrukhabad|फर्रुखाबाद|farukhabad
Fatehpur|फतेहपुर
Firozabad|फिरोजाबाद|ferozabad
Gautam Buddh Nagar|गौतम बुद्ध नगर|noida|नोएडा|नोयडा|greater noida|gautam budh nagar
Ghaziabad|गाजियाबाद|gaziabad|ghaziabaad
Ghazipur|गाजीपुर|gazipur
Gonda|गोंडा
Gorakhpur|गोरखपुर|gorakpur|gorakhpure
Hamirpur|हमीरपुर
Hapur|हापुड़|hapud
Hardoi|हरदोई|hardoee|hardui
Hathras|हाथरस
Jalaun|जालौन|orai|उरई
Jaunpur|जौनपुर|jonpur
Jhansi|झांसी|झाँसी|jhanshi
Kannauj|कन्नौज|kanauj
Kanpur Dehat|कानपुर देहात
Kanpur Nagar|कानपुर नगर|kanpur|कानपुर|cawnpore|kanpoor|kaanpur
Kasganj|कासगंज
Kaushambi|कौशाम्बी|कौशांबी|kausambi
Kushinagar|कुशीनगर|padrauna
Lakhimpur Kheri|लखीमपुर खीरी|lakhimpur|लखीमपुर|kheri|खीरी
Lalitpur|ललितपुर
Lucknow|लखनऊ|lakhnau|lakhnow|lucknw|lko|lakhnoo|lakhanu|lukhnow|luknow|लखनउ
Maharajganj|महराजगंज|महाराजगंज|mahrajganj
Mahoba|महोबा
Mainpuri|मैनपुरी
Mathura|मथुरा|vrindavan|वृंदावन
Mau|मऊ|mau nath bhanjan
Meerut|मेरठ|merath|meerath|merut
Mirzapur|मिर्जापुर|mirjapur
Moradabad|मुरादाबाद|muradabad
Muzaffarnagar|मुजफ्फरनगर|mujaffarnagar|muzafarnagar
Pilibhit|पीलीभीत
Pratapgarh|प्रतापगढ़|pratapgadh
Prayagraj|प्रयागराज|allahabad|इलाहाबाद|prayag|prayagraaj|allahbad|alahabad|allahabaad|alahbad|ilahabad|elahabad|अलाहाबाद|इलाहबाद
Rae Bareli|रायबरेली|raebareli|raibareli|rae bareilly
Rampur|रामपुर
Saharanpur|सहारनपुर
Sambhal|संभल
Sant Kabir Nagar|संत कबीर नगर|khalilabad
Shahjahanpur|शाहजहांपुर|shahjahapur
Shamli|शामली
Shravasti|श्रावस्ती|sravasti
Siddharthnagar|सिद्धार्थनगर|siddharth nagar
Sitapur|सीतापुर|seetapur
Sonbhadra|सोनभद्र|robertsganj
Sultanpur|सुल्तानपुर
Unnao|उन्नाव|unnav|unao|unnaw
Varanasi|वाराणसी|banaras|benaras|बनारस|kashi|काशी|varansi|banaras|varanashi|vanarasi|बनारस
# Bihar
Araria|अररिया
Arwal|अरवल
Aurangabad|औरंगाबाद|chhatrapati sambhajinagar
Banka|बांका
Begusarai|बेगूसराय|begusaray
Bhagalpur|भागलपुर
Bhojpur|भोजपुर|arrah|आरा
Buxar|बक्सर|baxar
Darbhanga|दरभंगा
East Champaran|पूर्वी चंपारण|purbi champaran|motihari|मोतिहारी
Gaya|गया
Gopalganj|गोपालगंज
Jamui|जमुई
Jehanabad|जहानाबाद|jahanabad
Kaimur|कैमूर|bhabua|भभुआ
Katihar|कटिहार
Khagaria|खगड़िया|khagadia
Kishanganj|किशनगंज
Lakhisarai|लखीसराय
Madhepura|मधेपुरा
Madhubani|मधुबनी
Munger|मुंगेर|monghyr
Muzaffarpur|मुजफ्फरपुर|mujaffarpur|muzafarpur
Nalanda|नालंदा|bihar sharif|बिहार शरीफ
Nawada|नवादा
Patna|पटना
Purnia|पूर्णिया|purnea
Rohtas|रोहतास|sasaram|सासाराम
Saharsa|सहरसा
Samastipur|समस्तीपुर
Saran|सारण|chhapra|छपरा|chapra
Sheikhpura|शेखपुरा
Sheohar|शिवहर
Sitamarhi|सीतामढ़ी|sitamadhi
Siwan|सीवान|siwan
Supaul|सुपौल
Vaishali|वैशाली|hajipur|हाजीपुर
West Champaran|पश्चिमी चंपारण|paschim champaran|bettiah|बेतिया
# Jharkhand
Bokaro|बोकारो
Chatra|चतरा
Deoghar|देवघर
Dhanbad|धनबाद
Dumka|दुमका
East Singhbhum|पूर्वी सिंहभूम|jamshedpur|जमशेदपुर|purbi singhbhum
Garhwa|गढ़वा|gadhwa
Giridih|गिरिडीह
Godda|गोड्डा
Gumla|गुमला
Hazaribagh|हजारीबाग|hazaribag
Jamtara|जामताड़ा|jamtada
Khunti|खूंटी
Koderma|कोडरमा
Latehar|लातेहार
Lohardaga|लोहरदगा
Pakur|पाकुड़|pakud
Palamu|पलामू|daltonganj|medininagar
Ramgarh|रामगढ़
Ranchi|रांची|राँची
Sahibganj|साहिबगंज|sahebganj
Seraikela Kharsawan|सरायकेला खरसावां|seraikela|saraikela
Simdega|सिमडेगा
West Singhbhum|पश्चिमी सिंहभूम|chaibasa|चाईबासा|paschimi singhbhum
# Madhya Pradesh
Agar Malwa|आगर मालवा
Alirajpur|अलीराजपुर
Anuppur|अनूपपुर
Ashoknagar|अशोकनगर|ashok nagar
Balaghat|बालाघाट
Barwani|बड़वानी|badwani
Betul|बैतूल
Bhind|भिंड
Bhopal|भोपाल
Burhanpur|बुरहानपुर
Chhatarpur|छतरपुर
Chhindwara|छिंदवाड़ा|chhindwada|chindwara
Damoh|दमोह
Datia|दतिया
Dewas|देवास
Dhar|धार
Dindori|डिंडोरी
Guna|गुना
Gwalior|ग्वालियर
Harda|हरदा
Indore|इंदौर|indor
Jabalpur|जबलपुर
Jhabua|झाबुआ
Katni|कटनी
Khandwa|खंडवा|east nimar
Khargone|खरगोन|west nimar
Maihar|मैहर
Mandla|मंडला
Mandsaur|मंदसौर|mandsor
Mauganj|मऊगंज
Morena|मुरैना|muraina
Narmadapuram|नर्मदापुरम|hoshangabad|होशंगाबाद
Narsinghpur|नरसिंहपुर
Neemuch|नीमच
Niwari|निवाड़ी
Pandhurna|पांढुर्णा
Panna|पन्ना
Raisen|रायसेन
Rajgarh|राजगढ़
Ratlam|रतलाम
Rewa|रीवा
Sagar|सागर
Satna|सतना
Sehore|सीहोर
Seoni|सिवनी
Shahdol|शहडोल
Shajapur|शाजापुर
Sheopur|श्योपुर
Shivpuri|शिवपुरी
Sidhi|सीधी
Singrauli|सिंगरौली
Tikamgarh|टीकमगढ़
Ujjain|उज्जैन
Umaria|उमरिया
Vidisha|विदिशा
# Chhattisgarh
Balod|बालोद
Baloda Bazar|बलौदा बाजार|balodabazar
Bastar|बस्तर|jagdalpur|जगदलपुर
Bemetara|बेमेतरा
Bijapur|बीजापुर
Bilaspur|बिलासपुर
Dantewada|दंतेवाड़ा|dantewara
Dhamtari|धमतरी
Durg|दुर्ग|bhilai|भिलाई
Gariaband|गरियाबंद
Gaurela Pendra Marwahi|गौरेला पेंड्रा मरवाही|pendra
Janjgir Champa|जांजगीर चांपा|janjgir
Jashpur|जशपुर
Kabirdham|कबीरधाम|kawardha|कवर्धा
Kanker|कांकेर
Khairagarh|खैरागढ़
Kondagaon|कोंडागांव
Korba|कोरबा
Korea|कोरिया|koriya
Mahasamund|महासमुंद
Manendragarh|मनेंद्रगढ़
Mohla Manpur|मोहला मानपुर
Mungeli|मुंगेली
Narayanpur|नारायणपुर
Raigarh|रायगढ़
Raipur|रायपुर
Rajnandgaon|राजनांदगांव
Sakti|सक्ती
Sarangarh|सारंगढ़
Sukma|सुकमा
Surajpur|सूरजपुर
Surguja|सरगुजा|ambikapur|अंबिकापुर
# Rajasthan
Ajmer|अजमेर
Alwar|अलवर
Balotra|बालोतरा
Banswara|बांसवाड़ा|banswada
Baran|बारां
Barmer|बाड़मेर|badmer
Beawar|ब्यावर
Bharatpur|भरतपुर
Bhilwara|भीलवाड़ा|bhilwada
Bikaner|बीकानेर
Bundi|बूंदी
Chittorgarh|चित्तौड़गढ़|chittor|chittaurgarh
Churu|चूरू
Dausa|दौसा
Deeg|डीग
Dholpur|धौलपुर
Didwana Kuchaman|डीडवाना कुचामन|didwana
Dungarpur|डूंगरपुर
Hanumangarh|हनुमानगढ़
Jaipur|जयपुर|jaypur
Jaisalmer|जैसलमेर
Jalore|जालोर|jalor
Jhalawar|झालावाड़|jhalawad
Jhunjhunu|झुंझुनू|jhunjhunun
Jodhpur|जोधपुर
Karauli|करौली
Khairthal Tijara|खैरथल तिजारा
Kota|कोटा
Kotputli Behror|कोटपूतली बहरोड़|kotputli
Nagaur|नागौर|nagour
Pali|पाली
Phalodi|फलोदी
Pratapgarh|प्रतापगढ़
Rajsamand|राजसमंद
Salumbar|सलूंबर
Sawai Madhopur|सवाई माधोपुर
Sikar|सीकर
Sirohi|सिरोही
Sri Ganganagar|श्रीगंगानगर|ganganagar|गंगानगर
Tonk|टोंक
Udaipur|उदयपुर
# Delhi
Delhi|दिल्ली|dilli|delhi ncr|ncr
New Delhi|नई दिल्ली|nai dilli
Central Delhi|मध्य दिल्ली
North Delhi|उत्तरी दिल्ली
South Delhi|दक्षिणी दिल्ली
East Delhi|पूर्वी दिल्ली
West Delhi|पश्चिमी दिल्ली
North East Delhi|उत्तर पूर्वी दिल्ली
North West Delhi|उत्तर पश्चिमी दिल्ली
South West Delhi|दक्षिण पश्चिमी दिल्ली
South East Delhi|दक्षिण पूर्वी दिल्ली
Shahdara|शाहदरा
# Haryana
Ambala|अंबाला
Bhiwani|भिवानी
Charkhi Dadri|चरखी दादरी|dadri
Faridabad|फरीदाबाद
Fatehabad|फतेहाबाद
Gurugram|गुरुग्राम|gurgaon|गुड़गांव|gurgram
Hisar|हिसार|hissar
Jhajjar|झज्जर
Jind|जींद
Kaithal|कैथल
Karnal|करनाल
Kurukshetra|कुरुक्षेत्र
Mahendragarh|महेंद्रगढ़|narnaul|नारनौल
Nuh|नूंह|mewat|मेवात
Palwal|पलवल
Panchkula|पंचकूला
Panipat|पानीपत
Rewari|रेवाड़ी|rewadi
Rohtak|रोहतक
Sirsa|सिरसा
Sonipat|सोनीपत|sonepat
Yamunanagar|यमुनानगर|yamuna nagar
# Uttarakhand
Almora|अल्मोड़ा|almoda
Bageshwar|बागेश्वर
Chamoli|चमोली
Champawat|चंपावत
Dehradun|देहरादून|dehradoon|dehra dun
Haridwar|हरिद्वार|hardwar
Nainital|नैनीताल|haldwani|हल्द्वानी
Pauri Garhwal|पौड़ी गढ़वाल|pauri
Pithoragarh|पिथौरागढ़
Rudraprayag|रुद्रप्रयाग
Tehri Garhwal|टिहरी गढ़वाल|tehri
Udham Singh Nagar|उधम सिंह नगर|rudrapur|रुद्रपुर
Uttarkashi|उत्तरकाशी
# Himachal Pradesh
Chamba|चंबा
Kangra|कांगड़ा|dharamshala|धर्मशाला
Kinnaur|किन्नौर
Kullu|कुल्लू|manali|मनाली
Lahaul and Spiti|लाहौल स्पीति|lahaul spiti
Mandi|मंडी
Shimla|शिमला|simla
Sirmaur|सिरमौर|nahan
Solan|सोलन
Una|ऊना
# Maharashtra
Mumbai|मुंबई|bombay|बंबई|mumbai city
Mumbai Suburban|मुंबई उपनगर
Pune|पुणे|poona
Nagpur|नागपुर
Nashik|नासिक|nasik
Thane|ठाणे
Solapur|सोलापुर
Kolhapur|कोल्हापुर
Amravati|अमरावती
Nanded|नांदेड़
Akola|अकोला
Latur|लातूर
Jalgaon|जलगांव
Ahmednagar|अहमदनगर|ahilyanagar
Satara|सतारा
Sangli|सांगली
Raigad|रायगढ़ महाराष्ट्र
Ratnagiri|रत्नागिरी
Palghar|पालघर
Chandrapur|चंद्रपुर
Wardha|वर्धा
Yavatmal|यवतमाल
Beed|बीड
Dhule|धुले
# Gujarat
Ahmedabad|अहमदाबाद|amdavad|ahmdabad
Surat|सूरत
Vadodara|वडोदरा|baroda
Rajkot|राजकोट
Bhavnagar|भावनगर
Jamnagar|जामनगर
Junagadh|जूनागढ़
Gandhinagar|गांधीनगर
Kutch|कच्छ|bhuj|kachchh
Anand|आणंद
Kheda|खेड़ा
Mehsana|मेहसाणा
Banaskantha|बनासकांठा|palanpur
Panchmahal|पंचमहल|godhra
Bharuch|भरूच
Valsad|वलसाड
Navsari|नवसारी
Patan|पाटन
Amreli|अमरेली
Dahod|दाहोद
# West Bengal
Kolkata|कोलकाता|calcutta|कलकत्ता
Howrah|हावड़ा|haora
Hooghly|हुगली|hugli
North 24 Parganas|उत्तर 24 परगना|barasat
South 24 Parganas|दक्षिण 24 परगना
Darjeeling|दार्जिलिंग|siliguri|सिलीगुड़ी
Jalpaiguri|जलपाईगुड़ी
Murshidabad|मुर्शिदाबाद
Nadia|नदिया|krishnanagar
Purba Bardhaman|पूर्व बर्धमान|burdwan|bardhaman
Paschim Bardhaman|पश्चिम बर्धमान|asansol|आसनसोल|durgapur
Birbhum|बीरभूम
Bankura|बांकुड़ा
Purulia|पुरुलिया
Malda|मालदा
Cooch Behar|कूचबिहार|coochbehar
Paschim Medinipur|पश्चिम मेदिनीपुर|midnapore
Purba Medinipur|पूर्व मेदिनीपुर|tamluk
# Punjab and Chandigarh
Amritsar|अमृतसर
Ludhiana|लुधियाना
Jalandhar|जालंधर|jullundur
Patiala|पटियाला
Bathinda|बठिंडा|bhatinda
Sahibzada Ajit Singh Nagar|साहिबजादा अजीत सिंह नगर|mohali|मोहाली
Firozpur|फिरोजपुर|ferozepur
Gurdaspur|गुरदासपुर
Hoshiarpur|होशियारपुर
Sangrur|संगरूर
Moga|मोगा
Pathankot|पठानकोट
Chandigarh|चंडीगढ़|chandigadh
# Jammu and Kashmir, Ladakh
Srinagar|श्रीनगर
Jammu|जम्मू
Anantnag|अनंतनाग
Baramulla|बारामूला
Udhampur|उधमपुर
Kathua|कठुआ
Leh|लेह
Kargil|कारगिल
# Odisha
Khordha|खोर्धा|khurda|bhubaneswar|भुवनेश्वर|bhubaneshwar
Cuttack|कटक
Puri|पुरी
Ganjam|गंजाम|berhampur|brahmapur
Sambalpur|संबलपुर
Balasore|बालासोर|baleswar
Mayurbhanj|मयूरभंज|baripada
Sundargarh|सुंदरगढ़|rourkela|राउरकेला
Koraput|कोरापुट
Kalahandi|कालाहांडी
# Andhra Pradesh and Telangana
Visakhapatnam|विशाखापत्तनम|vizag|vishakhapatnam
NTR|एनटीआर|vijayawada|विजयवाड़ा
Guntur|गुंटूर
Nellore|नेल्लोर
Kurnool|कुरनूल
Tirupati|तिरुपति
Anantapur|अनंतपुर
Kadapa|कडपा|cuddapah
Chittoor|चित्तूर
East Godavari|पूर्वी गोदावरी|rajahmundry
West Godavari|पश्चिमी गोदावरी|eluru
Srikakulam|श्रीकाकुलम
Hyderabad|हैदराबाद|hydrabad|secunderabad
Rangareddy|रंगारेड्डी|ranga reddy
Medchal Malkajgiri|मेडचल मलकाजगिरी|medchal
Warangal|वारंगल
Karimnagar|करीमनगर
Nizamabad|निजामाबाद
Khammam|खम्मम
Nalgonda|नलगोंडा
Adilabad|आदिलाबाद
Mahabubnagar|महबूबनगर
# Karnataka
Bengaluru Urban|बेंगलुरु|बैंगलोर|bangalore|bengaluru|banglore|bengalore
Bengaluru Rural|बेंगलुरु ग्रामीण
Mysuru|मैसूर|mysore
Dakshina Kannada|दक्षिण कन्नड़|mangalore|mangaluru|मंगलौर
Belagavi|बेलगाम|belgaum
Kalaburagi|कलबुर्गी|gulbarga
Dharwad|धारवाड़|hubli|hubballi
Ballari|बेल्लारी|bellary
Tumakuru|तुमकुर|tumkur
Shivamogga|शिवमोगा|shimoga
Udupi|उडुपी
Vijayapura|विजयपुरा|bijapur karnataka
Raichur|रायचूर
Davanagere|दावणगेरे
Hassan|हासन
Mandya|मांड्या
# Tamil Nadu
Chennai|चेन्नई|madras|मद्रास
Coimbatore|कोयंबटूर|कोयम्बटूर
Madurai|मदुरै
Tiruchirappalli|तिरुचिरापल्ली|trichy
Salem|सेलम
Tirunelveli|तिरुनेलवेली
Vellore|वेल्लोर
Erode|इरोड
Thanjavur|तंजावुर|tanjore
Kanchipuram|कांचीपुरम
Tiruppur|तिरुप्पुर
Kanyakumari|कन्याकुमारी|nagercoil
Thoothukudi|थूथुकुडी|tuticorin
Dindigul|डिंडीगुल
# Kerala
Thiruvananthapuram|तिरुवनंतपुरम|trivandrum
Ernakulam|एर्नाकुलम|kochi|कोच्चि|cochin
Kozhikode|कोझिकोड|calicut
Thrissur|त्रिशूर|trichur
Kollam|कोल्लम
Kannur|कन्नूर
Malappuram|मलप्पुरम
Palakkad|पलक्कड़
Kottayam|कोट्टायम
Alappuzha|अलप्पुझा|alleppey
Idukki|इडुक्की
Wayanad|वायनाड
Pathanamthitta|पथानामथिट्टा
Kasaragod|कासरगोड
# Assam and the North East
Kamrup Metropolitan|कामरूप महानगर|guwahati|गुवाहाटी|gauhati
Kamrup|कामरूप
Dibrugarh|डिब्रूगढ़
Jorhat|जोरहाट
Nagaon|नगांव
Cachar|कछार|silchar|सिलचर
Tinsukia|तिनसुकिया
Sonitpur|सोनितपुर|tezpur
Barpeta|बारपेटा
Dhubri|धुबरी
East Khasi Hills|पूर्वी खासी हिल्स|shillong|शिलांग
Imphal West|इंफाल पश्चिम|imphal|इंफाल
Imphal East|इंफाल पूर्व
Aizawl|आइजोल
Kohima|कोहिमा
Dimapur|दीमापुर
West Tripura|पश्चिम त्रिपुरा|agartala|अगरतला
Papum Pare|पापुम पारे|itanagar|ईटानगर
Gangtok|गंगटोक
# Goa and the Union Territories
North Goa|उत्तर गोवा|panaji|panjim
South Goa|दक्षिण गोवा|margao
Puducherry|पुडुचेरी|pondicherry
South Andaman|दक्षिण अंडमान|port blair
`;

export interface District {
  /** canonical English name */
  name: string;
  /** every way of writing it, the canonical name first */
  forms: string[];
}

export const DISTRICTS: readonly District[] = GAZETTEER.trim()
  .split('\n')
  .filter((line) => line !== '' && !line.startsWith('#'))
  .map((line) => {
    const forms = line.split('|');
    return { name: forms[0], forms };
  });

/**
 * Names that are also everyday words ("gaya" = went, "mau", "una", "dhar", "pali", "sidhi",
 * "basti" = settlement, "mandi" = market): only taken next to a cue such as "zila"/"district".
 */
export const CUE_ONLY_FORMS: ReadonlySet<string> = new Set(
  `gaya गया mau una dhar guna pali sidhi basti mandi panna banda sagar anand nuh leh korea rewa baran beed erode
  salem patan hassan kota jind durg eta puri moga ncr tonk sakti deeg kheri pauri tehri hubli nadia dadri etah arrah
  आरा धार मऊ सागर पन्ना बस्ती मंडी पाली गुना सीधी ऊना कोटा रीवा सक्ती`.split(/\s+/),
);
